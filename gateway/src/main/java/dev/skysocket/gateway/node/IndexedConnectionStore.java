package dev.skysocket.gateway.node;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.HeartbeatDue;
import dev.skysocket.store.PendingBinary;
import dev.skysocket.store.SocketRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The store's connections, telling {@link LocalRooms} when a socket is stored or removed so the index of this
 * node's memberships follows the store's. Removals reach the index first: once the socket is leaving, no
 * broadcast should find it, whatever the store call does. Everything else passes straight through.
 */
final class IndexedConnectionStore implements ConnectionStore {
    private final ConnectionStore store;
    private final LocalRooms local;

    IndexedConnectionStore(ConnectionStore store, LocalRooms local) {
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
    public boolean recordPong(String connectionId, long nextPingDueAt) {
        return store.recordPong(connectionId, nextPingDueAt);
    }

    @Override
    public void recordPingSent(String connectionId, long pongDeadline) {
        store.recordPingSent(connectionId, pongDeadline);
    }

    @Override
    public boolean claimPing(String connectionId, long now, long pongDeadline) {
        return store.claimPing(connectionId, now, pongDeadline);
    }

    @Override
    public List<HeartbeatDue> due(long now, int limit) {
        return store.due(now, limit);
    }

    @Override
    public List<ConnectionRecord> byUser(String tenant, String user) {
        return store.byUser(tenant, user);
    }

    @Override
    public boolean replacePending(String connectionId, PendingBinary read, PendingBinary next) {
        return store.replacePending(connectionId, read, next);
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

    @Override
    public <T> T withOneRead(String connectionId, Supplier<T> work) {
        return store.withOneRead(connectionId, work);
    }

    @Override
    public <T> T withHeldRead(String connectionId, Supplier<T> work) {
        return store.withHeldRead(connectionId, work);
    }

    @Override
    public void releaseHeldRead(String connectionId) {
        store.releaseHeldRead(connectionId);
    }
}
