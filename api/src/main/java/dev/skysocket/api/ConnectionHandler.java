package dev.skysocket.api;

/** Runs once a socket has joined a namespace (Socket.IO's {@code connection} event). */
@FunctionalInterface
public interface ConnectionHandler {
    void onConnection(Socket socket) throws Exception;
}
