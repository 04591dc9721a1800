package dev.skysocket.limits;

/**
 * One connection's allowance of inbound events: holds up to {@code burst} tokens, refilled at {@code perSecond},
 * one taken per event. In memory, for a session one process owns (the fallback gateway); thread-safe, because a
 * polling session's POSTs and its websocket may deliver on different threads.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(int burst, int perSecond, long nowNanos) {
        if (burst < 1 || perSecond < 1) {
            throw new IllegalArgumentException("burst and rate must be positive");
        }
        this.capacity = burst;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes one token; false when none is left (the caller closes the connection). */
    public synchronized boolean tryTake(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            last = nowNanos;
        }
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
