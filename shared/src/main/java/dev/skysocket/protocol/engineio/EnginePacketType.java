package dev.skysocket.protocol.engineio;

/** Engine.IO v4 packet types with their wire character. */
public enum EnginePacketType {
    OPEN('0'), CLOSE('1'), PING('2'), PONG('3'), MESSAGE('4'), UPGRADE('5'), NOOP('6');

    private final char wire;

    EnginePacketType(char wire) {
        this.wire = wire;
    }

    public char wire() {
        return wire;
    }
}
