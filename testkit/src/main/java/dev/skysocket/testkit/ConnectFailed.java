package dev.skysocket.testkit;

/**
 * A {@link TestClient} did not join its namespace: the server refused it ({@code connect_error}), the transport
 * failed, or nothing answered within the connect timeout.
 */
public final class ConnectFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The connect_error's message, or the client's own failure. */
    private final String reason;

    ConnectFailed(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * The {@code connect_error}'s message: what a middleware's {@code ConnectRefused} said (e.g.
     * {@code "unauthorized"}), {@code "Invalid namespace"}, the Java client's transport error, or {@code "timeout"}.
     */
    public String reason() {
        return reason;
    }
}
