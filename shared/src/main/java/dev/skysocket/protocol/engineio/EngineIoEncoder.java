package dev.skysocket.protocol.engineio;

import java.util.List;

/** Encodes Engine.IO v4 packets as text; binary messages become {@code b<base64>}. */
public final class EngineIoEncoder {
    private EngineIoEncoder() {
    }

    public static String encode(EnginePacket packet) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A polling body: packets joined by {@code \u001e}. */
    public static String encodePayload(List<EnginePacket> packets) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
