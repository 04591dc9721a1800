package dev.skysocket.protocol;

/**
 * The one error every decoder throws. The transport maps it once to a close status or an HTTP answer;
 * the message never contains the offending payload, so it is safe to log.
 */
public final class ProtocolException extends RuntimeException {
    private final ProtocolError error;

    public ProtocolException(ProtocolError error, String message) {
        super(error.name() + ": " + message, null, false, false);
        this.error = error;
    }

    public ProtocolError error() {
        return error;
    }
}
