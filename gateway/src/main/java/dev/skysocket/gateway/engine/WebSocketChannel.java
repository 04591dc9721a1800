package dev.skysocket.gateway.engine;

/** One websocket as the engine sees it; implementations must be thread-safe and never block. */
public interface WebSocketChannel {
    void sendText(String frame);

    /** One binary frame (an Engine.IO binary message to a client that did not ask for base64). */
    void sendBinary(byte[] frame);

    /** False while the connection's outbound queue is over its limit (a client that does not read). */
    default boolean writable() {
        return true;
    }

    /** Sends a close frame and drops the connection. */
    void close();
}
