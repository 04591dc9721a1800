package dev.skysocket.gateway.node;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.PendingBinary;
import java.util.List;
import java.util.Optional;

/**
 * The store's connections, telling {@link LocalRooms} when a connection is removed (with its sockets, as a 410
 * during fan-out does) so the index drops its sockets too. The index goes first: once the connection is leaving,
 * no broadcast should find it, whatever the store call does. Everything else passes straight through; sockets
 * stored and removed one by one are indexed by {@link IndexedSocketStore}.
 */
final class IndexedConnectionStore implements ConnectionStore {
    private final ConnectionStore store;
    private final LocalRooms local;

    IndexedConnectionStore(ConnectionStore store, LocalRooms local) {
        this.store = store;
        this.local = local;
    }

    @Override
    public void remove(String connectionId) {
        local.connectionRemoved(connectionId);
        store.remove(connectionId);
    }

    @Override
    public void create(ConnectionRecord connection) {
        store.create(connection);
    }

    @Override
    public Optional<ConnectionRecord> find(String connectionId) {
        return store.find(connectionId);
    }

    @Override
    public boolean markOpened(String connectionId) {
        return store.markOpened(connectionId);
    }

    @Override
    public boolean claimOpen(String connectionId, long now, long leaseUntil) {
        return store.claimOpen(connectionId, now, leaseUntil);
    }

    @Override
    public boolean updateTransport(String connectionId, String transport) {
        return store.updateTransport(connectionId, transport);
    }

    @Override
    public List<ConnectionRecord> byUser(String tenant, String user) {
        return store.byUser(tenant, user);
    }

    @Override
    public boolean replacePending(String connectionId, PendingBinary read, PendingBinary next) {
        return store.replacePending(connectionId, read, next);
    }
}
