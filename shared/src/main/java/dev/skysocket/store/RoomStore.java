package dev.skysocket.store;

/**
 * Room membership, scoped by tenant and namespace so one tenant can never address another's rooms.
 * A socket's own id is a room too (Socket.IO's {@code to(socketId)}).
 */
public interface RoomStore {

    /** Adds the socket to the room (membership item and the socket's room list). Idempotent. */
    void join(SocketRecord socket, String endpoint, String room, long expiresAt);

    /** Removes the socket from the room. Idempotent. */
    void leave(SocketRecord socket, String room);

    /** Every live member of the room, paged lazily; one Query per room partition, never a Scan. */
    Iterable<Member> members(String tenant, String namespace, String room);

    /**
     * The live members reached through any endpoint but {@code endpoint}: a gateway node knows its own members
     * and asks the store only for the rest. This default reads every member and drops the node's own.
     */
    default Iterable<Member> membersElsewhere(String tenant, String namespace, String room, String endpoint) {
        return () -> java.util.stream.StreamSupport.stream(members(tenant, namespace, room).spliterator(), false)
                .filter(member -> !endpoint.equals(member.endpoint()))
                .iterator();
    }
}
