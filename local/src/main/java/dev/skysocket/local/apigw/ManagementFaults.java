package dev.skysocket.local.apigw;

import dev.skysocket.gateway.management.PostOutcome;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the Management API answers on purpose, for tests of what AWS does under load: 429
 * {@code LimitExceededException} (the account throttle, or a client whose buffer is full) and 5xx. DynamoDB-style
 * throttling cannot be produced by a healthy local server, so tests script it here.
 */
public final class ManagementFaults {
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
    PostOutcome nextPostFault(String connectionId) {
        if (take(throttled, connectionId)) {
            return PostOutcome.THROTTLED;
        }
        return take(failing, connectionId) ? PostOutcome.INTERNAL_ERROR : null;
    }

    private static boolean take(Map<String, AtomicInteger> faults, String connectionId) {
        AtomicInteger left = faults.get(connectionId);
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
