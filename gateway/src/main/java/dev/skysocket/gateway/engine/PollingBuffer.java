package dev.skysocket.gateway.engine;

import java.util.ArrayDeque;

/**
 * The polling side of one session: packets waiting for the next GET, the GET held until there are some, and
 * whether a POST is being read. Not thread-safe: held by the {@link PollingTransport}, guarded by its session's lock.
 */
final class PollingBuffer {
    /** Polling payloads join packets with the record separator (Engine.IO v4 §HTTP long-polling). */
    private static final char SEPARATOR = '\u001e';

    /** Small to start: a websocket session queues only its open packet here; the deque grows when polling needs. */
    private final ArrayDeque<String> packets = new ArrayDeque<>(2);
    private PollResponder held;
    private boolean posting;

    int size() {
        return packets.size();
    }

    boolean isEmpty() {
        return packets.isEmpty();
    }

    void add(String packet) {
        packets.add(packet);
    }

    void clear() {
        packets.clear();
    }

    /** All queued packets as one payload, in order; empties the buffer. */
    String drain() {
        StringBuilder body = new StringBuilder();
        while (!packets.isEmpty()) {
            if (body.length() > 0) {
                body.append(SEPARATOR);
            }
            body.append(packets.poll());
        }
        return body.toString();
    }

    /** Hands every queued packet on, one by one (websocket frames are not batched). */
    void flushTo(java.util.function.Consumer<String> socket) {
        while (!packets.isEmpty()) {
            socket.accept(packets.poll());
        }
    }

    /** {@code payload} followed by {@code last}, joined as one polling payload. */
    static String join(String payload, String last) {
        return payload.isEmpty() ? last : payload + SEPARATOR + last;
    }

    boolean holding() {
        return held != null;
    }

    void hold(PollResponder responder) {
        held = responder;
    }

    /** Forgets the held GET if it is {@code responder}; false when another (or none) is held. */
    boolean release(PollResponder responder) {
        if (held != responder) {
            return false;
        }
        held = null;
        return true;
    }

    /** Answers the held GET, if any, with {@code payload}; true when there was one. */
    boolean answer(String payload) {
        PollResponder poll = held;
        if (poll == null) {
            return false;
        }
        held = null;
        poll.respond(payload);
        return true;
    }

    /** Marks a POST as being read; false when one already is (overlapping POSTs). */
    boolean startPost() {
        if (posting) {
            return false;
        }
        posting = true;
        return true;
    }

    boolean posting() {
        return posting;
    }

    void endPost() {
        posting = false;
    }
}
