package dev.skysocket.gateway.http;

/** The close statuses (RFC 6455 §7.4.1) the gateway sends when it refuses what a client sent. */
enum CloseCode {
    /** A frame or fragment sequence RFC 6455 forbids. */
    PROTOCOL_ERROR(1002, "Protocol error"),
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

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    /** The status Netty's decoder chose for a corrupt frame; anything unexpected is a protocol error. */
    static CloseCode of(int code) {
        for (CloseCode status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return PROTOCOL_ERROR;
    }
}
