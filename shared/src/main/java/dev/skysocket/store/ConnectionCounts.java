package dev.skysocket.store;

/** How many connections each tenant has open, for the tenant connection quota (DynamoConnectionCounts). */
public interface ConnectionCounts {

    /**
     * Adds {@code delta} (1 at open, -1 at close) to the counter the connection belongs to; returns that counter's
     * new value (one shard's share only).
     */
    long add(String tenant, String connectionId, long expiresAtSeconds, int delta);

    /** The tenant's open connections; may stop summing once it reaches {@code stopAt}. */
    long count(String tenant, long stopAt);
}
