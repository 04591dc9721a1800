package dev.skysocket.api;

import java.util.concurrent.CompletionStage;

/**
 * One socket with an ack deadline: {@code socket.timeout(2000).emitWithAck("question", q)}, as in Socket.IO.
 * Compose on the stage ({@code thenAccept}, {@code whenComplete}: that is the callback form); never block on it
 * in a handler: on the fallback gateway a session's next packet, the answer itself, is handled only after the
 * handler returns.
 */
public interface AckEmitter {

    /**
     * Emits an event with an ack id and completes with the client's answer (the arguments it passed to its
     * callback), or fails with {@link AckTimeoutException} when no answer came within the timeout.
     *
     * @throws IllegalArgumentException for a name Socket.IO reserves
     */
    CompletionStage<Args> emitWithAck(String event, Object... args);
}
