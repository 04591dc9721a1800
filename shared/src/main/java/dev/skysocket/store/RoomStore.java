package dev.skysocket.store;

import java.util.Collection;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Room membership, scoped by tenant and namespace so one tenant can never address another's rooms.
 * A socket's own id is a room too (Socket.IO's {@code to(socketId)}).
 */
public interface RoomStore {

    /** Adds the socket to the room (membership item and the socket's room list). Idempotent. */
    void join(SocketRecord socket, String endpoint, String room, long expiresAt);

    /**
     * Writes the memberships of a socket whose stored item already lists {@code rooms} (a new socket is stored with
     * them), so only the membership items are written, in one batch where the store allows. Idempotent.
     */
    default void addMemberships(SocketRecord socket, String endpoint, Collection<String> rooms,
                                long expiresAt) {
        for (String room : rooms) {
            join(socket, endpoint, room, expiresAt);
        }
    }

    /** Removes the socket from the room. Idempotent. */
    void leave(SocketRecord socket, String room);

    /** Every live member of the room, paged lazily; one Query per room partition, never a Scan. */
    Iterable<Member> members(String tenant, String namespace, String room);

    /**
     * The live members reached through any endpoint but {@code endpoint}: a gateway node knows its own members
     * and asks the store only for the rest. This default reads every member and drops the node's own.
     */
    default Iterable<Member> membersElsewhere(String tenant, String namespace, String room, String endpoint) {
        return () -> StreamSupport.stream(members(tenant, namespace, room).spliterator(), false)
                .filter(member -> !endpoint.equals(member.endpoint()))
                .iterator();
    }

    /**
     * The members this store holds in memory and answers without a read (a gateway node's own sockets), all of
     * which {@link #members} returns too. A broadcast delivers to these first, so they do not wait for the read of
     * the other endpoints' members. None by default: every member is read from the store.
     */
    default Iterable<Member> membersHeldHere(String tenant, String namespace, String room) {
        return List.of();
    }

    /** The presence entries kept beside the rooms (none by default: presence joins are refused). */
    default PresenceStore presence() {
        return PresenceStore.NONE;
    }
}
