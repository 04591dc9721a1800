package dev.skysocket.api;

/**
 * Socket.IO's server-side {@code socket.on("error")}: gets the error a {@link PacketMiddleware} refused an event
 * with. With no error listener the error is logged, as Socket.IO logs a missing error handler.
 */
@FunctionalInterface
public interface ErrorHandler {
    void onError(Socket socket, Exception error) throws Exception;
}
