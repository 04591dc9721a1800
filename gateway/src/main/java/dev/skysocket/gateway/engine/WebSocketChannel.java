package dev.skysocket.gateway.engine;

/** One websocket as the engine sees it; implementations must be thread-safe and never block. */
public interface WebSocketChannel {
    void sendText(String frame);

    /** Sends a close frame and drops the connection. */
    void close();
}
