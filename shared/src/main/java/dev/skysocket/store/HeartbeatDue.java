package dev.skysocket.store;

/** A connection the heartbeat sweep must act on now. */
public record HeartbeatDue(String connectionId, String endpoint, boolean awaitingPong, long connectedAt) {
}
