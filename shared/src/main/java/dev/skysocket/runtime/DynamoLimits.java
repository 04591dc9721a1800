package dev.skysocket.runtime;

import dev.skysocket.config.Settings;
import java.time.Duration;

/**
 * How much one process asks of its store at once and how long it waits. A burst (thousands of sessions opening or
 * closing together) must queue in this process, not in the store: DynamoDB Local serves about 200 requests at a
 * time (its HTTP server's 200 request threads) and past that connections wait on it unanswered, so the default
 * stays well below. Every call has a deadline, so no thread waits on the store for ever.
 *
 * @param maxConcurrency calls in flight at once ({@code skysocket.dynamodb-max-concurrency}, default 64)
 * @param acquireTimeout how long a call waits for one of those slots before it fails
 *                       ({@code skysocket.dynamodb-acquire-timeout-ms}, default 5 s)
 * @param attemptTimeout one HTTP attempt ({@code skysocket.dynamodb-attempt-timeout-ms}, default 5 s)
 * @param callTimeout    a call with its retries ({@code skysocket.dynamodb-call-timeout-ms}, default 15 s)
 */
public record DynamoLimits(int maxConcurrency, Duration acquireTimeout, Duration attemptTimeout,
                           Duration callTimeout) {
    public static final String MAX_CONCURRENCY = "skysocket.dynamodb-max-concurrency";
    public static final String ACQUIRE_TIMEOUT = "skysocket.dynamodb-acquire-timeout-ms";
    public static final String ATTEMPT_TIMEOUT = "skysocket.dynamodb-attempt-timeout-ms";
    public static final String CALL_TIMEOUT = "skysocket.dynamodb-call-timeout-ms";
    public static final DynamoLimits DEFAULTS = new DynamoLimits(64, Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(15));

    public DynamoLimits {
        if (maxConcurrency < 1 || acquireTimeout.isNegative() || attemptTimeout.isZero()
                || attemptTimeout.isNegative() || callTimeout.compareTo(attemptTimeout) < 0) {
            throw new IllegalArgumentException("the DynamoDB concurrency must be positive and the call timeout at "
                    + "least the attempt timeout");
        }
    }

    public static DynamoLimits from(Settings s) {
        return new DynamoLimits(
                s.intValue(MAX_CONCURRENCY, DEFAULTS.maxConcurrency),
                s.millis(ACQUIRE_TIMEOUT, DEFAULTS.acquireTimeout),
                s.millis(ATTEMPT_TIMEOUT, DEFAULTS.attemptTimeout),
                s.millis(CALL_TIMEOUT, DEFAULTS.callTimeout));
    }
}
