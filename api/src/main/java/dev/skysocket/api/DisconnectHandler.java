package dev.skysocket.api;

/** Runs when a socket leaves its namespace, with Socket.IO's reason. */
@FunctionalInterface
public interface DisconnectHandler {
    void onDisconnect(Socket socket, DisconnectReason reason) throws Exception;
}
