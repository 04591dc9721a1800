package dev.skysocket.api;

/**
 * A {@link Socket#join} that would put the socket in more rooms than its tenant's rooms-per-socket quota allows
 * (its own id room not counted). Thrown before anything is written; the socket keeps its rooms and stays
 * connected, so a handler can catch it and answer the client.
 */
public final class RoomQuotaExceededException extends IllegalStateException {
    private final int limit;

    public RoomQuotaExceededException(int limit) {
        super("room quota: a socket may be in at most " + limit + " rooms");
        this.limit = limit;
    }

    /** The most rooms one socket may be in. */
    public int limit() {
        return limit;
    }
}
