/**
 * The API of {@code dev.skysocket.api} over stored state: declared namespaces, stored sockets, broadcasts and
 * the emitter, and the {@link dev.skysocket.server.PacketRouter} that turns an inbound message into calls on
 * the app; server-to-client acks ({@link dev.skysocket.server.ServerAcks}: waits, and where answers go).
 * <p>
 * Owns no transport: it never sees an Engine.IO control packet, a Lambda event or an HTTP type. It reaches
 * storage only through {@code dev.skysocket.store} interfaces and clients only through {@code dev.skysocket.fanout}.
 * Must not import {@code dev.skysocket.apigw}, AWS SDK or Lambda types.
 */
package dev.skysocket.server;
