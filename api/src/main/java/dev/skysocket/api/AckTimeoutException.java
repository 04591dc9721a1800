package dev.skysocket.api;

import java.util.Map;
import java.util.Set;

/**
 * Not every recipient of an {@code emitWithAck} answered in time. Carries who stayed silent and what the others
 * answered, so a broadcast's partial result is not lost.
 */
public final class AckTimeoutException extends RuntimeException {
    private final Set<String> silent;
    private final Map<String, Args> answers;

    /**
     * @param silent  ids of the sockets that did not answer
     * @param answers the answers that came, by socket id
     */
    public AckTimeoutException(Set<String> silent, Map<String, Args> answers) {
        super("no ack within the timeout from " + silent.size() + " socket(s): " + silent);
        this.silent = Set.copyOf(silent);
        this.answers = Map.copyOf(answers);
    }

    /** The ids of the sockets that did not answer in time. */
    public Set<String> silent() {
        return silent;
    }

    /** The answers received before the timeout, by socket id. */
    public Map<String, Args> answers() {
        return answers;
    }
}
