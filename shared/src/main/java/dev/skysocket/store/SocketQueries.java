package dev.skysocket.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the sockets a room's members name, for remote sockets and bulk room operations: a member carries only what
 * fan-out needs, so acting on its socket (its rooms, data, handshake) needs the socket and its connection.
 */
public interface SocketQueries {

    /** A stored socket with the connection it is on. */
    record LoadedSocket(ConnectionRecord connection, SocketRecord socket) {
    }

    /**
     * The member's socket in {@code namespace}, or empty when it is gone, expired or replaced by a newer socket
     * of the same connection (a membership the store has not cleaned up yet).
     */
    Optional<LoadedSocket> find(Member member, String namespace);

    /**
     * Over the connection and socket stores: two reads, or with {@code scope} (null: none) one shared read where the
     * store allows (DynamoDB: one strongly consistent Query of the connection's partition, 1 read unit while
     * connection and sockets stay under 4 KB, where two GetItems cost 2).
     */
    static SocketQueries over(ConnectionStore connections, SocketStore sockets, ReadScope scope) {
        return (member, namespace) -> {
            Supplier<Optional<LoadedSocket>> read = () -> {
                Optional<ConnectionRecord> connection = connections.find(member.connectionId());
                if (connection.isEmpty()) {
                    return Optional.empty();
                }
                return sockets.findSocket(member.connectionId(), namespace)
                        .filter(socket -> socket.socketId().equals(member.socketId()))
                        .map(socket -> new LoadedSocket(connection.get(), socket));
            };
            return scope == null ? read.get() : scope.withOneRead(member.connectionId(), read);
        };
    }
}
