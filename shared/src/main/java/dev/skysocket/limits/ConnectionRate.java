package dev.skysocket.limits;

/**
 * The per-connection rate limit where a connection's events may be handled by many processes at once (the API
 * Gateway path): counted in a store shared by all of them.
 */
public interface ConnectionRate {

    /** Counts one inbound event of {@code connectionId} at {@code nowMs} and says what to do with it. */
    RateVerdict count(String connectionId, long nowMs);

    /** No limit. */
    ConnectionRate UNLIMITED = (connectionId, nowMs) -> RateVerdict.ADMIT;
}
