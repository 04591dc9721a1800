package dev.skysocket.local.apigw;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the Management API answers on purpose, for tests of what AWS does under load: 429
 * {@code LimitExceededException} (the account throttle, or a client whose buffer is full) and 5xx. DynamoDB-style
 * throttling cannot be produced by a healthy local server, so tests script it here.
 */
public final class ManagementFaults {
    /** A scripted answer: status and the {@code x-amzn-ErrorType} AWS sends with it. */
    record Fault(int status, String errorType, String message) {
    }

    private static final Fault THROTTLED = new Fault(429, "LimitExceededException", "Rate exceeded");
    private static final Fault INTERNAL = new Fault(500, "InternalServerErrorException", "Internal server error");

    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();

    /** The next {@code times} posts to this connection answer 429. */
    public void throttleNextPosts(String connectionId, int times) {
        throttled.put(connectionId, new AtomicInteger(times));
    }

    /** The next {@code times} posts to this connection answer 500. */
    public void failNextPosts(String connectionId, int times) {
        failing.put(connectionId, new AtomicInteger(times));
    }

    /** The fault the next post to this connection must get, or null to deliver it. */
    Fault nextPostFault(String connectionId) {
        if (take(throttled, connectionId)) {
            return THROTTLED;
        }
        return take(failing, connectionId) ? INTERNAL : null;
    }

    static Fault bufferFull() {
        return THROTTLED;
    }

    private static boolean take(Map<String, AtomicInteger> faults, String connectionId) {
        AtomicInteger left = faults.get(connectionId);
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
