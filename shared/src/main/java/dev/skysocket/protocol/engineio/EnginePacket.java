package dev.skysocket.protocol.engineio;

import java.util.Arrays;
import java.util.List;

/** One Engine.IO v4 packet. Binary messages travel as {@code b<base64>} on text-only paths. */
public sealed interface EnginePacket {

    EnginePacketType type();

    /** The handshake the server sends first: {@code 0{"sid":...}}. */
    record Open(String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload)
            implements EnginePacket {
        public Open {
            upgrades = List.copyOf(upgrades);
        }

        public EnginePacketType type() { return EnginePacketType.OPEN; }
    }

    record Close() implements EnginePacket {
        public EnginePacketType type() { return EnginePacketType.CLOSE; }
    }

    /** {@code data} is empty or "probe". */
    record Ping(String data) implements EnginePacket {
        public EnginePacketType type() { return EnginePacketType.PING; }
    }

    record Pong(String data) implements EnginePacket {
        public EnginePacketType type() { return EnginePacketType.PONG; }
    }

    record Message(String text) implements EnginePacket {
        public EnginePacketType type() { return EnginePacketType.MESSAGE; }

        /** The size only: a payload never goes into logs. */
        @Override
        public String toString() {
            return "Message[chars=" + (text == null ? 0 : text.length()) + "]";
        }
    }

    /** A message carrying bytes: a binary frame, or {@code b<base64>} text. */
    record BinaryMessage(byte[] data) implements EnginePacket {
        public EnginePacketType type() { return EnginePacketType.MESSAGE; }

        /** Equal by content: a record would compare the arrays by identity. */
        @Override
        public boolean equals(Object other) {
            return other instanceof BinaryMessage that && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        /** The size only: a payload never goes into logs. */
        @Override
        public String toString() {
            return "BinaryMessage[bytes=" + (data == null ? 0 : data.length) + "]";
        }
    }

    record Upgrade() implements EnginePacket {
        public EnginePacketType type() { return EnginePacketType.UPGRADE; }
    }

    record Noop() implements EnginePacket {
        public EnginePacketType type() { return EnginePacketType.NOOP; }
    }
}
