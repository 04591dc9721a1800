package dev.skysocket.protocol.engineio;

import dev.skysocket.protocol.CodecLimits;
import java.util.List;

/** Decodes Engine.IO v4 packets from text frames, binary frames and polling payloads. Thread-safe. */
public final class EngineIoDecoder {
    private final CodecLimits limits;

    public EngineIoDecoder(CodecLimits limits) {
        this.limits = limits;
    }

    /** One text frame or packet; {@code b<base64>} becomes a {@link EnginePacket.BinaryMessage}. */
    public EnginePacket decode(String frame) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** One binary websocket frame: always a binary message. */
    public EnginePacket decode(byte[] frame) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A polling body: packets separated by the record separator {@code \u001e}. */
    public List<EnginePacket> decodePayload(String body) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
