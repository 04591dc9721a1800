package dev.skysocket.local.apigw;

/**
 * The close statuses the emulator sends, with the {@code disconnectReason} API Gateway reports for them in the
 * {@code $disconnect} event. Codes follow AWS: 1001 on idle timeout and maximum duration, 1003 on a binary frame,
 * 1009 on an oversized frame or message, 1000 on a Management API DELETE.
 */
enum CloseStatus {
    /** DeleteConnection; AWS reports "Connection Closed Normally" with status 1000. */
    DELETED(1000, "Connection Closed Normally"),
    /** Idle timeout, maximum connection duration and emulator shutdown. */
    GOING_AWAY(1001, "Going away"),
    /** A fragment sequence or frame RFC 6455 forbids. */
    PROTOCOL_ERROR(1002, "Protocol error"),
    /** API Gateway accepts no binary frames from clients. */
    UNSUPPORTED_DATA(1003, "Unsupported data"),
    /** A text message that is not UTF-8. */
    INVALID_PAYLOAD(1007, "Invalid frame payload data"),
    /** A frame over 32 KB or a message over 128 KB. */
    MESSAGE_TOO_BIG(1009, "Message too big");

    private final int code;
    private final String reason;

    CloseStatus(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    /** Maps a status Netty's decoder chose for a corrupt frame to ours, keeping AWS's reasons. */
    static CloseStatus forDecoderStatus(int code) {
        for (CloseStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return PROTOCOL_ERROR;
    }
}
