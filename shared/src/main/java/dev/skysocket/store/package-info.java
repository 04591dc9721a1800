/**
 * Where connections, sockets and room memberships live: the {@link dev.skysocket.store.ConnectionStore} and
 * {@link dev.skysocket.store.RoomStore} interfaces and the records they exchange (DESIGN §5); clients' answers to
 * server acks ({@link dev.skysocket.store.AckStore}).
 *
 * <p>Owns: the storage contract (conditional create, idempotent removal, reads that ignore expired items, no
 * Scan). Must not import: the AWS SDK (only {@code store.dynamodb} does), the protocol codecs, or the layers
 * above it (fan-out, the Socket.IO layer, the API Gateway path).
 */
package dev.skysocket.store;
