package dev.skysocket.gateway.http;

/**
 * The close statuses (RFC 6455 §7.4.1) the gateway and the local API Gateway emulator send, with the reason texts
 * API Gateway reports for them (the emulator puts them in {@code $disconnect}'s {@code disconnectReason}): 1001 on
 * idle timeout, maximum duration and shutdown, 1003 on a binary frame API Gateway refuses, 1009 above a size limit,
 * 1000 on a Management API DELETE.
 */
public enum CloseCode {
    /** DeleteConnection; API Gateway reports "Connection Closed Normally". */
    NORMAL_CLOSURE(1000, "Connection Closed Normally"),
    /** Idle timeout, maximum connection duration and shutdown. */
    GOING_AWAY(1001, "Going away"),
    /** A frame or fragment sequence RFC 6455 forbids. */
    PROTOCOL_ERROR(1002, "Protocol error"),
    /** A binary frame where only text is accepted (API Gateway). */
    UNSUPPORTED_DATA(1003, "Unsupported data"),
    /** A text message (or close reason) that is not UTF-8. */
    INVALID_PAYLOAD(1007, "Invalid frame payload data"),
    /** A message spread over too many fragments or kept open too long. */
    POLICY_VIOLATION(1008, "Policy violation"),
    /** A frame or message over the limit. */
    MESSAGE_TOO_BIG(1009, "Message too big"),
    /** The socket failed under us. */
    INTERNAL_ERROR(1011, "Internal error");

    private final int code;
    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The status Netty's decoder chose for a corrupt frame; anything unexpected is a protocol error. */
    public static CloseCode of(int code) {
        for (CloseCode status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return PROTOCOL_ERROR;
    }
}
