package dev.skysocket.gateway.engine;

import dev.skysocket.limits.InboundLimits;
import dev.skysocket.limits.TokenBucket;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import java.lang.System.Logger.Level;

/**
 * One session's inbound allowance, in memory: only this node receives the session's messages, so the token bucket
 * is exact and costs no store call. A refusal is logged once (one line, no payload) and counted; the session then
 * closes, and every other session carries on.
 */
final class InboundRate {
    private static final System.Logger LOG = System.getLogger(InboundRate.class.getName());
    private final InboundLimits limits;
    private final TokenBucket bucket;

    InboundRate(InboundLimits limits) {
        this.limits = limits;
        this.bucket = limits.limitsConnections()
                ? new TokenBucket(limits.burst(), limits.perSecond(), System.nanoTime()) : null;
    }

    /** Takes one message's token; false (logged and counted) when the session is over its limit. */
    boolean admit(String sid) {
        if (bucket == null || bucket.tryTake(System.nanoTime())) {
            return true;
        }
        LOG.log(Level.WARNING, "engine.rate_limit.close sid={0} burst={1} per_second={2}", sid,
                String.valueOf(limits.burst()), String.valueOf(limits.perSecond()));
        Metrics.count(Metric.RATE_LIMIT_CLOSES);
        return false;
    }
}
