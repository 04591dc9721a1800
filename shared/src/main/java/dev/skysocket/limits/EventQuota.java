package dev.skysocket.limits;

/** The per-tenant events per second quota, counted across every process and path. */
public interface EventQuota {

    /** Counts one event of {@code tenant} at {@code nowMs}; false when the tenant is over its quota this second. */
    boolean admit(String tenant, long nowMs);

    /** No quota. */
    EventQuota UNLIMITED = (tenant, nowMs) -> true;
}
