/**
 * Socket.IO semantics over stored state: namespaces, middleware, sockets, rooms, broadcast operators, acks and
 * disconnect reasons, the {@link dev.skysocket.server.SocketApp} SPI apps implement, and the
 * {@link dev.skysocket.server.PacketRouter} that turns an inbound message into calls on the app.
 * <p>
 * Owns no transport: it never sees an Engine.IO control packet, a Lambda event or an HTTP type. It reaches
 * storage only through {@code dev.skysocket.store} interfaces and clients only through {@code dev.skysocket.fanout}.
 * Must not import {@code dev.skysocket.apigw}, AWS SDK or Lambda types.
 */
package dev.skysocket.server;
