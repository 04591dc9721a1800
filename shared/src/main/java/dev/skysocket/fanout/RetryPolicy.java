package dev.skysocket.fanout;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter for 429 and 5xx answers: before retry {@code n} (1-based) wait a
 * uniformly random time in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}. Full jitter spreads the retries of a
 * large fan-out that hit the account throttle (10,000 requests/s, shared with every API in the account) together.
 *
 * @param maxAttempts attempts per call, the first included; 1 means never retry
 * @param baseDelay   ceiling of the first wait
 * @param maxDelay    ceiling of every wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got " + baseDelay + ", " + maxDelay);
        }
    }

    /** 5 attempts, 25 ms base, 1 s cap: at most about 1.4 s of waiting per call. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(25), Duration.ofSeconds(1));
    }

    /** The ceiling of the wait before retry {@code retry} (1-based), before jitter. */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are numbered from 1, got " + retry);
        }
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        int shift = Math.min(retry - 1, 62);
        long grown = base > (cap >> shift) ? cap : base << shift;
        return Duration.ofNanos(Math.min(cap, grown));
    }

    /** The wait before retry {@code retry}: uniform in {@code [0, ceiling(retry)]}. */
    public Duration backoff(int retry, RandomGenerator random) {
        long ceiling = ceiling(retry).toNanos();
        return ceiling == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}
