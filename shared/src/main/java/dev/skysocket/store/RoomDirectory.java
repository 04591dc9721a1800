package dev.skysocket.store;

import java.util.Set;

/**
 * Per room, the endpoints (a gateway node's private Management API URL, or the API Gateway Management endpoint)
 * that registered members in it, and those that only watch it (a node that broadcasts into it). Registrations are
 * linearised per room: of two endpoints registering at once, the later one's answer lists the earlier one.
 */
public interface RoomDirectory {

    /** The room's lists as one registration left them. */
    record Listed(Set<String> members, Set<String> watchers) {
        public Listed {
            members = Set.copyOf(members);
            watchers = Set.copyOf(watchers);
        }
    }

    /**
     * Adds {@code endpoint} to the room's members (or, when {@code member} is false, to its watchers) until
     * {@code expiresAtSeconds}, keeps the entry until then, and returns both lists as they stand after this change,
     * without the endpoints whose every registration had expired by {@code nowSeconds}.
     */
    Listed register(RoomKey room, String endpoint, boolean member, long expiresAtSeconds, long nowSeconds);
}
