package dev.skysocket.protocol.engineio;

import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Decodes Engine.IO v4 packets from text frames, binary frames and polling payloads. Thread-safe. */
public final class EngineIoDecoder {
    /** Polling payloads join packets with the record separator (Engine.IO v4 §HTTP long-polling). */
    static final char SEPARATOR = '\u001e';
    static final String PROBE = "probe";

    private static final EnginePacket.Ping PING = new EnginePacket.Ping("");
    private static final EnginePacket.Ping PING_PROBE = new EnginePacket.Ping(PROBE);
    private static final EnginePacket.Pong PONG = new EnginePacket.Pong("");
    private static final EnginePacket.Pong PONG_PROBE = new EnginePacket.Pong(PROBE);

    private final CodecLimits limits;

    public EngineIoDecoder(CodecLimits limits) {
        this.limits = limits;
    }

    /** One text frame or packet; {@code b<base64>} becomes a {@link EnginePacket.BinaryMessage}. */
    public EnginePacket decode(String frame) {
        if (frame == null) {
            throw new ProtocolException(ProtocolError.EMPTY, "no frame");
        }
        checkLength(frame.length());
        return decodePacket(frame);
    }

    /** One binary websocket frame: always a binary message (an empty one is a legal empty buffer). */
    public EnginePacket decode(byte[] frame) {
        if (frame == null) {
            throw new ProtocolException(ProtocolError.EMPTY, "no frame");
        }
        checkLength(frame.length);
        return new EnginePacket.BinaryMessage(frame.clone());
    }

    /** A polling body: packets separated by the record separator {@code \u001e}. */
    public List<EnginePacket> decodePayload(String body) {
        if (body == null) {
            throw new ProtocolException(ProtocolError.EMPTY, "no body");
        }
        checkLength(body.length());
        if (body.isEmpty()) {
            throw new ProtocolException(ProtocolError.EMPTY, "empty body");
        }
        // Count first, so a flood of separators is refused before any packet is allocated.
        int packets = 1;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == SEPARATOR && ++packets > limits.maxPacketsPerPayload()) {
                throw new ProtocolException(ProtocolError.TOO_MANY_PACKETS, "more than "
                        + limits.maxPacketsPerPayload() + " packets in one payload");
            }
        }
        List<EnginePacket> result = new ArrayList<>(packets);
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == SEPARATOR) {
                result.add(decodePacket(body.substring(start, i)));
                start = i + 1;
            }
        }
        return result;
    }

    private void checkLength(int length) {
        if (length > limits.maxFrameChars()) {
            throw new ProtocolException(ProtocolError.TOO_LARGE, "frame of " + length + " over "
                    + limits.maxFrameChars());
        }
    }

    private static EnginePacket decodePacket(String packet) {
        if (packet.isEmpty()) {
            throw new ProtocolException(ProtocolError.EMPTY, "empty packet");
        }
        String data = packet.substring(1);
        return switch (packet.charAt(0)) {
            case 'b' -> new EnginePacket.BinaryMessage(base64(data));
            case '1' -> bare(data, new EnginePacket.Close());
            case '2' -> probeOrNot(data) ? PING_PROBE : PING;
            case '3' -> probeOrNot(data) ? PONG_PROBE : PONG;
            case '4' -> new EnginePacket.Message(data);
            case '5' -> bare(data, new EnginePacket.Upgrade());
            case '6' -> bare(data, new EnginePacket.Noop());
            // '0' (OPEN) is only ever sent by the server.
            default -> throw new ProtocolException(ProtocolError.UNKNOWN_PACKET_TYPE, "packet type not accepted");
        };
    }

    private static EnginePacket bare(String data, EnginePacket packet) {
        if (!data.isEmpty()) {
            throw new ProtocolException(ProtocolError.MALFORMED_PACKET, packet.type() + " carries no data");
        }
        return packet;
    }

    /** Ping and pong carry nothing, or "probe" during the websocket upgrade (Engine.IO v4 §Upgrade). */
    private static boolean probeOrNot(String data) {
        if (data.isEmpty()) {
            return false;
        }
        if (PROBE.equals(data)) {
            return true;
        }
        throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "ping or pong data other than probe");
    }

    private static byte[] base64(String data) {
        try {
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ProtocolError.BAD_BASE64, "binary message is not base64");
        }
    }
}
