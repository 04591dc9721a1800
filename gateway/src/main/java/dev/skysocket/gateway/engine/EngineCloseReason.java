package dev.skysocket.gateway.engine;

/**
 * Why an Engine.IO session ended, with the strings the reference server reports. The layer above maps each one
 * to its own disconnect reason (the gateway's node package does so in one switch).
 */
public enum EngineCloseReason {
    /** The client closed: a close packet, or its websocket went away. */
    TRANSPORT_CLOSE("transport close"),
    /** The transport broke: overlapping polls or posts, a dropped GET, a body over the limit, an inbound flood. */
    TRANSPORT_ERROR("transport error"),
    /** No pong within the ping timeout (Engine.IO v4 §Heartbeat). */
    PING_TIMEOUT("ping timeout"),
    /** A polling body or websocket frame that did not decode. */
    PARSE_ERROR("parse error"),
    /** The server closed this session ({@link EngineSession#close()}). */
    FORCED_CLOSE("forced close"),
    /** The server is stopping and closes every session ({@link EngineServer#close()}). */
    SERVER_SHUTTING_DOWN("server shutting down"),
    /**
     * The handshake failed on the server (the listener threw). Never reported to the listener: the session had
     * not opened; it only names the close in the log.
     */
    SERVER_ERROR("server error");

    private final String wire;

    EngineCloseReason(String wire) {
        this.wire = wire;
    }

    /** The reference server's string, as logged. */
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
