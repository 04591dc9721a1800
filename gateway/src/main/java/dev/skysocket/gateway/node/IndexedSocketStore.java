package dev.skysocket.gateway.node;

import dev.skysocket.store.SocketRecord;
import dev.skysocket.store.SocketStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store's sockets, telling {@link LocalRooms} when a socket is stored or removed so the index of this node's
 * memberships follows the store's. A removal reaches the index first: once the socket is leaving, no broadcast
 * should find it, whatever the store call does. Reads and data updates pass straight through.
 */
final class IndexedSocketStore implements SocketStore {
    private final SocketStore store;
    private final LocalRooms local;

    IndexedSocketStore(SocketStore store, LocalRooms local) {
        this.store = store;
        this.local = local;
    }

    @Override
    public void putSocket(SocketRecord socket) {
        store.putSocket(socket);
        local.socketStored(socket);
    }

    @Override
    public void removeSocket(SocketRecord socket) {
        local.socketRemoved(socket);
        store.removeSocket(socket);
    }

    @Override
    public Optional<SocketRecord> findSocket(String connectionId, String namespace) {
        return store.findSocket(connectionId, namespace);
    }

    @Override
    public List<SocketRecord> sockets(String connectionId) {
        return store.sockets(connectionId);
    }

    @Override
    public void updateSocketData(String connectionId, String namespace, Map<String, String> changed,
                                 Set<String> removed) {
        store.updateSocketData(connectionId, namespace, changed, removed);
    }
}
