/**
 * Where connections, sockets and room memberships live: the {@link dev.skysocket.store.ConnectionStore},
 * {@link dev.skysocket.store.SocketStore}, {@link dev.skysocket.store.HeartbeatStore},
 * {@link dev.skysocket.store.RoomStore} and {@link dev.skysocket.store.SweepRuns} interfaces and the records they
 * exchange (DESIGN §5), one responsibility each, so a decorator wraps only the one whose behaviour it changes;
 * clients' answers to server acks ({@link dev.skysocket.store.AckStore}). How far a read may be shared is apart
 * from them, in {@link dev.skysocket.store.ReadScope}: the inbound event path and a gateway node's sessions get it
 * from the store their wiring built.
 *
 * <p>Owns: the storage contract (conditional create, idempotent removal, reads that ignore expired items, no
 * Scan). Must not import: the AWS SDK (only {@code store.dynamodb} does), the protocol codecs, or the layers
 * above it (fan-out, the Socket.IO layer, the API Gateway path).
 */
package dev.skysocket.store;
