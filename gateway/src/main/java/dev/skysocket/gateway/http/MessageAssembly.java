package dev.skysocket.gateway.http;

import java.io.ByteArrayOutputStream;

/**
 * One websocket's messages assembled from its data frames, with the bounds every listener applies: a message over
 * {@code maxMessageBytes} is refused 1009 before the fragment that crosses the bound is kept, a message spread over
 * more than {@code maxFragments} frames 1008, a text message that is not UTF-8 1007, and a continuation without a
 * start (or a start inside a fragmented message) 1002. Pure bookkeeping, no I/O and no clock, so the gateway
 * ({@code InboundFrames}) and the local emulator share it and a fuzz target can drive it; not thread-safe (one
 * socket's event loop owns it). After a refusal every later frame is ignored.
 */
public final class MessageAssembly {
    /**
     * Most frames one message may span: browsers send each message as one frame and the JDK client splits at 16 KB,
     * so real clients stay far inside it, while a flood of empty or tiny fragments cannot hold a message open.
     */
    public static final int MAX_FRAGMENTS = 64;

    private final int maxMessageBytes;
    private final int maxFragments;
    // The message being assembled, or null between messages.
    private ByteArrayOutputStream assembling;
    private boolean assemblingText;
    private int fragments;
    private boolean refused;

    public MessageAssembly(int maxMessageBytes, int maxFragments) {
        if (maxMessageBytes < 1 || maxFragments < 1) {
            throw new IllegalArgumentException("message limits must be positive");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxFragments = maxFragments;
    }

    /** What one data frame did to the message. */
    public sealed interface Step {
    }

    /** The message is unfinished; {@code first} on the frame that started it. */
    public record Pending(boolean first) implements Step {
    }

    /** The message is complete: {@code text} is set for a text message, {@code binary} for a binary one. */
    public record Complete(String text, byte[] binary) implements Step {
    }

    /** The connection must close with {@code code}; {@code reason} is for the log, never the payload. */
    public record Refused(CloseCode code, String reason) implements Step {
    }

    /** An ignored frame: a refusal came first. */
    public record Ignored() implements Step {
    }

    /**
     * One data frame: a start ({@code continuation} false, then {@code text} says its kind) or a continuation, its
     * FIN bit and its (unmasked) payload.
     */
    public Step add(boolean continuation, boolean text, boolean fin, byte[] payload) {
        if (refused) {
            return new Ignored();
        }
        if (continuation == (assembling == null)) {
            // Netty's decoder refuses these first; kept so the rule holds whatever the decoder does.
            return refuse(CloseCode.PROTOCOL_ERROR, continuation ? "continuation_without_start"
                    : "data_frame_inside_fragmented_message");
        }
        if (assembling == null) {
            assembling = new ByteArrayOutputStream();
            assemblingText = text;
            fragments = 0;
        }
        if ((long) assembling.size() + payload.length > maxMessageBytes) {
            return refuse(CloseCode.MESSAGE_TOO_BIG, "message_too_big");
        }
        if (++fragments > maxFragments) {
            return refuse(CloseCode.POLICY_VIOLATION, "too_many_fragments");
        }
        assembling.writeBytes(payload);
        if (!fin) {
            return new Pending(fragments == 1);
        }
        byte[] bytes = assembling.toByteArray();
        assembling = null;
        if (!assemblingText) {
            return new Complete(null, bytes);
        }
        String decoded = StrictUtf8.decode(bytes);
        return decoded == null ? refuse(CloseCode.INVALID_PAYLOAD, "text_not_utf8") : new Complete(decoded, null);
    }

    /** Refuses from outside (a corrupt frame, a timer): later frames are ignored. */
    public Refused refuse(CloseCode code, String reason) {
        refused = true;
        assembling = null;
        return new Refused(code, reason);
    }

    /** True once a refusal was returned. */
    public boolean refused() {
        return refused;
    }
}
