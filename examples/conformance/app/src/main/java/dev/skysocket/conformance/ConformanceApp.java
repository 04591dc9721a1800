package dev.skysocket.conformance;

import dev.skysocket.api.Namespace;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;

/**
 * The server the Socket.IO protocol's test suite talks to: on {@code /} and {@code /custom}, each socket gets an
 * {@code auth} event carrying its handshake's auth payload as soon as it connects; {@code message} is emitted back
 * as {@code message-back} with the same arguments, and {@code message-with-ack} is acknowledged with its
 * arguments. Binary arguments go back as binary.
 */
public final class ConformanceApp implements SocketApp {

    @Override
    public void configure(SocketServer io) {
        contract(io.of("/"));
        contract(io.of("/custom"));
    }

    private static void contract(Namespace namespace) {
        namespace
                .onConnection(socket -> socket.emit("auth", socket.handshake().auth()))
                .on("message", (socket, args, ack) -> socket.emit("message-back", args))
                .on("message-with-ack", (socket, args, ack) -> ack.send(args));
    }
}
