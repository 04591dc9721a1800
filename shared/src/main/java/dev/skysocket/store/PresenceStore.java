package dev.skysocket.store;

import java.util.List;

/**
 * The members of presence rooms: one entry per member (a user, or an anonymous socket) per room, however many of
 * the member's sockets are in it. Join and leave report the member's first and last socket, so exactly one
 * caller announces each arrival and departure even when a user's sockets join and leave at the same time on
 * different instances. Reads ignore entries whose TTL has passed; implementations never Scan.
 */
public interface PresenceStore {

    /** No presence: a store without it refuses presence joins. */
    PresenceStore NONE = new PresenceStore() {
        @Override
        public boolean join(PresenceKey key, String socketId, String userJson, long expiresAt) {
            throw new UnsupportedOperationException("this store keeps no presence");
        }

        @Override
        public boolean leave(PresenceKey key, String socketId) {
            return false;
        }

        @Override
        public List<PresenceEntry> members(String tenant, String namespace, String room) {
            return List.of();
        }
    };

    /**
     * Adds one socket of the member. True when it is the member's first socket in the room (the member arrived).
     *
     * @param userJson  the member's user info as JSON text ({@code null} text for none)
     * @param expiresAt epoch seconds; the entry's TTL, the socket's connection's
     */
    boolean join(PresenceKey key, String socketId, String userJson, long expiresAt);

    /** Removes one socket of the member. True when it was the member's last socket (the member left). */
    boolean leave(PresenceKey key, String socketId);

    /** The room's members, sorted by id; one paginated Query. */
    List<PresenceEntry> members(String tenant, String namespace, String room);

    /** Which member of which room. */
    record PresenceKey(String tenant, String namespace, String room, String memberId) {
    }

    /** One member as stored: its id and its user info as JSON text. */
    record PresenceEntry(String memberId, String userJson) {
    }
}
