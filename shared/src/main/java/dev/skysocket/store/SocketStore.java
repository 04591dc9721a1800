package dev.skysocket.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sockets of a connection, one per namespace it joined. Every read ignores items whose TTL has passed; every
 * write is idempotent or conditional. Implementations never Scan.
 */
public interface SocketStore {

    /** Creates the socket for one namespace; replaces an existing socket of the same connection and namespace. */
    void putSocket(SocketRecord socket);

    Optional<SocketRecord> findSocket(String connectionId, String namespace);

    List<SocketRecord> sockets(String connectionId);

    /**
     * Applies one handler's change to {@code socket.data}, top-level key by top-level key, without reading it and
     * without touching the other keys: two handlers of the socket running at once (API Gateway may invoke
     * {@code $default} for one connection concurrently) both land when they change different keys, and on the
     * same key the later write wins. Nothing is written when the socket is gone.
     *
     * @param changed keys set or changed, each to its value's JSON text
     * @param removed keys deleted
     */
    void updateSocketData(String connectionId, String namespace, Map<String, String> changed, Set<String> removed);

    /** Deletes one socket and its room memberships (including its own id room). Idempotent. */
    void removeSocket(SocketRecord socket);
}
