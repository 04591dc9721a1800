package dev.skysocket.server;

import dev.skysocket.api.RoomQuotaExceededException;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import java.util.Collection;

/**
 * The rooms-per-socket quota, checked against the rooms the socket's invocation knows (its item as read, plus its
 * own joins since): a join made at the same moment in another invocation of the same client can pass it by one.
 */
final class RoomQuota {
    private RoomQuota() {
    }

    /** Throws when joining {@code room} would exceed {@code limit} (0: none) for a socket in {@code rooms}. */
    static void check(Collection<String> rooms, String socketId, String room, int limit) {
        if (limit <= 0 || rooms.contains(room)) {
            return;
        }
        long count = rooms.stream().filter(r -> !r.equals(Rooms.EVERYONE) && !r.equals(socketId)).count();
        if (count >= limit && !room.equals(socketId)) {
            Metrics.count(Metric.QUOTA_REFUSALS);
            throw new RoomQuotaExceededException(limit);
        }
    }
}
