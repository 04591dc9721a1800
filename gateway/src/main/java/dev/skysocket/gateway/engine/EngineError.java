package dev.skysocket.gateway.engine;

/** Engine.IO v4's HTTP error codes, answered as {@code {"code":n,"message":"..."}} (400, 403 for code 4, 503 while draining or when the store fails). */
public enum EngineError {
    TRANSPORT_UNKNOWN(0, "Transport unknown", 400),
    SESSION_ID_UNKNOWN(1, "Session ID unknown", 400),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method", 400),
    BAD_REQUEST(3, "Bad request", 400),
    FORBIDDEN(4, "Forbidden", 403),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", 400),
    /**
     * A handshake while the node drains: code 4 as for any handshake the server declines (the reference server
     * answers a denied request with code 4 and its own message), but 503 so it reads as temporary and the
     * client's reconnection, retried through the ALB, lands on another task.
     */
    DRAINING(4, "Server is draining", 503),
    /**
     * A handshake the server could not record (the store throttled or failed): code 3 as the reference server
     * answers a handshake it cannot complete, but 503 so the client and any proxy treat it as temporary.
     */
    UNAVAILABLE(3, "Server unavailable", 503),
    /**
     * A handshake while the node's workers are backed up (a burst): Engine.IO has no code for it, so code 3 as
     * above, and 503 so the client's reconnection backoff retries it later, as with any failed handshake.
     */
    BUSY(3, "Server busy", 503);

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
