package dev.skysocket.store;

import java.util.Collection;

/**
 * How a process that registered members in a room tells the gateway nodes listed there that the room has members
 * at a new endpoint, so their cached "no members elsewhere" ends before the join returns.
 */
@FunctionalInterface
public interface RoomNotices {
    /** Nothing to tell (tests of the store alone). */
    RoomNotices NONE = (endpoints, room, endpoint) -> 0;

    /**
     * Tells each of {@code endpoints} that {@code room} has members at {@code endpoint}; returns once each answered
     * or was given up on (logged). Endpoints that hold no rooms (API Gateway's) are skipped or ignore it.
     *
     * @return how many endpoints were given up on
     */
    int tell(Collection<String> endpoints, RoomKey room, String endpoint);
}
