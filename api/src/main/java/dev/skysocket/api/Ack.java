package dev.skysocket.api;

/**
 * The client's callback for one event. {@link #send} answers it once; later calls are ignored, as in Socket.IO.
 */
public interface Ack {

    /** True when the client passed a callback with the event. */
    boolean requested();

    /** Answers the callback with these arguments; does nothing when no callback was requested. */
    void send(Object... args);
}
