package dev.skysocket.gateway.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Set;

/**
 * The frame fuzz target's oracle: RFC 6455 §5 read by hand, independently of Netty and {@link MessageAssembly}, for a
 * listener configured as the gateway's (no extensions, masked frames only, frames and messages up to
 * {@code maxPayload}, {@link MessageAssembly#MAX_FRAGMENTS} fragments). One instance reads one connection's bytes,
 * one frame per {@link #next} call, and says what the listener must do with that frame.
 */
final class FrameModel {
    /** What one frame must cause: nothing yet, a delivered message, the client's close, or one of these statuses. */
    record Verdict(Kind kind, String message, Set<Integer> statuses) {
        static Verdict of(Kind kind) {
            return new Verdict(kind, null, Set.of());
        }

        static Verdict refused(Integer... statuses) {
            return new Verdict(Kind.REFUSED, null, Set.of(statuses));
        }
    }

    enum Kind { NOTHING, INCOMPLETE, DELIVERED, CLOSED, REFUSED }

    private final int maxPayload;
    private boolean fragmenting;
    private ByteArrayOutputStream message;
    private boolean messageText;
    private int fragments;

    FrameModel(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    /** Reads the next frame from {@code wire} (to its end, or to the input's end when it is cut short). */
    Verdict next(ByteBuffer wire) {
        int first = wire.get() & 0xFF;
        if (!wire.hasRemaining()) {
            return Verdict.of(Kind.INCOMPLETE);
        }
        int second = wire.get() & 0xFF;
        boolean fin = (first & 0x80) != 0;
        int rsv = (first >> 4) & 0x7;
        int opcode = first & 0xF;
        boolean masked = (second & 0x80) != 0;
        int length7 = second & 0x7F;
        boolean control = opcode >= 8;
        // Netty refuses on the first two bytes alone: these need no more input to be certain.
        if (rsv != 0 || !masked || (opcode >= 3 && opcode <= 7) || opcode >= 11
                || (control && (!fin || length7 > 125 || (opcode == 8 && length7 == 1)))
                || (opcode == 0 && !fragmenting) || ((opcode == 1 || opcode == 2) && fragmenting)) {
            return Verdict.refused(1002);
        }
        long length = length7;
        int extension = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
        if (wire.remaining() < extension) {
            wire.position(wire.limit());
            return Verdict.of(Kind.INCOMPLETE);
        }
        if (extension == 2) {
            length = wire.getShort() & 0xFFFF;
            if (length < 126) {
                return Verdict.refused(1002); // not the minimal encoding
            }
        } else if (extension == 8) {
            length = wire.getLong();
            if (length < 65_536) {
                return Verdict.refused(1002); // not minimal, or negative (2^63 and up)
            }
        }
        if (length > maxPayload) {
            return Verdict.refused(1009);
        }
        if (wire.remaining() < 4 + length) {
            wire.position(wire.limit());
            return Verdict.of(Kind.INCOMPLETE);
        }
        byte[] key = new byte[4];
        wire.get(key);
        byte[] payload = new byte[(int) length];
        wire.get(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= key[i & 3];
        }
        return control ? control(opcode, payload) : data(opcode, fin, payload);
    }

    private Verdict control(int opcode, byte[] payload) {
        if (opcode != 8) {
            return Verdict.of(Kind.NOTHING); // ping and pong
        }
        if (payload.length == 0) {
            return Verdict.of(Kind.CLOSED);
        }
        int status = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        boolean defined = (status >= 1000 && status <= 1003) || (status >= 1007 && status <= 1014)
                || (status >= 3000 && status <= 4999);
        boolean utf8 = StrictUtf8.decode(java.util.Arrays.copyOfRange(payload, 2, payload.length)) != null;
        if (defined && utf8) {
            return Verdict.of(Kind.CLOSED);
        }
        return defined ? Verdict.refused(1007) : utf8 ? Verdict.refused(1002) : Verdict.refused(1002, 1007);
    }

    private Verdict data(int opcode, boolean fin, byte[] payload) {
        fragmenting = !fin;
        if (opcode != 0) {
            message = new ByteArrayOutputStream();
            messageText = opcode == 1;
            fragments = 0;
        }
        if (message.size() + payload.length > maxPayload) {
            return Verdict.refused(1009);
        }
        if (++fragments > MessageAssembly.MAX_FRAGMENTS) {
            return Verdict.refused(1008);
        }
        message.writeBytes(payload);
        if (!fin) {
            return Verdict.of(Kind.NOTHING);
        }
        byte[] bytes = message.toByteArray();
        message = null;
        if (!messageText) {
            return new Verdict(Kind.DELIVERED, binary(bytes), Set.of());
        }
        String text = StrictUtf8.decode(bytes);
        return text == null ? Verdict.refused(1007) : new Verdict(Kind.DELIVERED, "text:" + text, Set.of());
    }

    /** How a binary message is compared with what the listener delivered. */
    static String binary(byte[] bytes) {
        return "binary:" + HexFormat.of().formatHex(bytes);
    }
}
