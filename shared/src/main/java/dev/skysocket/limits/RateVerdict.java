package dev.skysocket.limits;

/** What the per-connection rate limit says about one inbound event. */
public enum RateVerdict {
    /** Within the limit: handle it. */
    ADMIT,
    /** Over the limit, and this event is the one that went over: close the connection (exactly one event is). */
    CLOSE,
    /** Over the limit, already closed (or closing) for it: drop the event, do nothing else. */
    DROP
}
