package dev.skysocket.gateway.engine;

/** Engine.IO v4's HTTP error codes, answered as {@code {"code":n,"message":"..."}} (400, or 403 for code 4). */
public enum EngineError {
    TRANSPORT_UNKNOWN(0, "Transport unknown", 400),
    SESSION_ID_UNKNOWN(1, "Session ID unknown", 400),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method", 400),
    BAD_REQUEST(3, "Bad request", 400),
    FORBIDDEN(4, "Forbidden", 403),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", 400);

    private final int code;
    private final String message;
    private final int status;

    EngineError(int code, String message, int status) {
        this.code = code;
        this.message = message;
        this.status = status;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    public int httpStatus() {
        return status;
    }

    /** The JSON body; the messages are constants, so no escaping is needed. */
    public String json() {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}
