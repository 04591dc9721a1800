package dev.skysocket.api;

/**
 * An emit (or an ack's answer) whose encoded frame is larger than a client's transport carries. Thrown before
 * anything is sent, on both paths alike: API Gateway's Management API refuses a message over 128 KB, so the
 * fallback gateway holds the same limit and an app meets one rule wherever its clients are.
 */
public final class EmitTooLargeException extends IllegalArgumentException {
    private final long bytes;
    private final long limit;

    public EmitTooLargeException(String what, long bytes, long limit) {
        super(what + " encodes to " + bytes + " bytes; at most " + limit + " reach a client (API Gateway's message"
                + " limit; binary counts as base64 there)");
        this.bytes = bytes;
        this.limit = limit;
    }

    /** The encoded size of the largest frame. */
    public long bytes() {
        return bytes;
    }

    /** The most one frame may carry. */
    public long limit() {
        return limit;
    }
}
