package dev.skysocket.api;

/**
 * Handles one named event from a client. {@code ack.requested()} tells whether the client passed a callback.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(Socket socket, Args args, Ack ack) throws Exception;
}
