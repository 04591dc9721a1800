package dev.skysocket.protocol.socketio;

/** Socket.IO v5 packet types with their wire character. */
public enum SocketPacketType {
    CONNECT('0'), DISCONNECT('1'), EVENT('2'), ACK('3'), CONNECT_ERROR('4'), BINARY_EVENT('5'), BINARY_ACK('6');

    private final char wire;

    SocketPacketType(char wire) {
        this.wire = wire;
    }

    public char wire() {
        return wire;
    }

    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }
}
