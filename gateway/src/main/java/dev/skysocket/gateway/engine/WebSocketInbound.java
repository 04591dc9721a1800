package dev.skysocket.gateway.engine;

/** What the transport adapter reports about one websocket it handed to the engine. */
public interface WebSocketInbound {
    void text(String frame);

    void binary(byte[] frame);

    /** The connection closed, by either side. */
    void closed();
}
