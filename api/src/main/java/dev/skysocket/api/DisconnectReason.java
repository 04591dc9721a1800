package dev.skysocket.api;

/** Why a socket left, with the strings Socket.IO servers use. */
public enum DisconnectReason {
    TRANSPORT_ERROR("transport error"),
    TRANSPORT_CLOSE("transport close"),
    FORCED_CLOSE("forced close"),
    PING_TIMEOUT("ping timeout"),
    PARSE_ERROR("parse error"),
    SERVER_SHUTTING_DOWN("server shutting down"),
    FORCED_SERVER_CLOSE("forced server close"),
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect");

    private final String wire;

    DisconnectReason(String wire) {
        this.wire = wire;
    }

    /** The string Socket.IO reports. */
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
