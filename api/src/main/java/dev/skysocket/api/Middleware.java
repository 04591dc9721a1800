package dev.skysocket.api;

/**
 * Runs when a client asks to join a namespace, before the socket exists; {@code socket.handshake().auth()} holds
 * the client's {@code auth} payload. Throw {@link ConnectRefused} to answer {@code connect_error}.
 */
@FunctionalInterface
public interface Middleware {
    void check(Socket socket) throws ConnectRefused;
}
