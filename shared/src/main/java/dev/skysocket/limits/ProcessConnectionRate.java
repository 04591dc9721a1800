package dev.skysocket.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-connection rate limit where many processes share a connection's events (the API Gateway path): a token
 * bucket per connection in this process first, then the shared count. What one process sees of a connection is a
 * part of what the connection sent, and a part of a stream the bucket admits is admitted too, so a refusal here is
 * always right and costs no store call. A process that serves most of a flood (a warm Lambda instance reused for
 * frame after frame, the local emulator) closes it from memory and drops what follows for free; the shared count
 * catches a flood spread over many instances.
 *
 * <p>Remembers the {@value #REMEMBERED} connections it saw last; one forgotten only starts again with a full bucket
 * here, the shared count still holds.
 */
public final class ProcessConnectionRate implements ConnectionRate {
    static final int REMEMBERED = 10_000;

    private final int burst;
    private final int perSecond;
    private final ConnectionRate shared;
    private final Map<String, Seen> seen = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > REMEMBERED;
        }
    };

    public ProcessConnectionRate(int burst, int perSecond, ConnectionRate shared) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.shared = shared;
    }

    @Override
    public RateVerdict count(String connectionId, long nowMs) {
        long nowNanos = nowMs * 1_000_000;
        Seen connection;
        synchronized (seen) {
            connection = seen.computeIfAbsent(connectionId, id -> new Seen(new TokenBucket(burst, perSecond, nowNanos)));
        }
        synchronized (connection) {
            if (connection.over) {
                return RateVerdict.DROP;
            }
            if (!connection.bucket.tryTake(nowNanos)) {
                connection.over = true;
                return RateVerdict.CLOSE;
            }
        }
        RateVerdict verdict = shared.count(connectionId, nowMs);
        if (verdict != RateVerdict.ADMIT) {
            synchronized (connection) {
                connection.over = true;
            }
        }
        return verdict;
    }

    /** One connection as this process saw it: its bucket, and whether it is over (closed or closing). */
    private static final class Seen {
        final TokenBucket bucket;
        boolean over;

        Seen(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }
}
