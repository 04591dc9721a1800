package dev.skysocket.gateway.node;

import dev.skysocket.store.ReadScope;
import dev.skysocket.store.SocketStore;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Re-reads one connection's sockets from the store into {@link LocalRooms} when another endpoint says it changed
 * their rooms: its joins, leaves and removals reach only the store, and a broadcast started here reads this node's
 * members from memory. The read runs off the HTTP event loop, and the caller is answered once the index follows
 * the store, so an operation that returned is seen by a broadcast started here after it.
 */
final class MembershipRefresh implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MembershipRefresh.class.getName());

    private final SocketStore store;
    private final ReadScope heldReads;
    private final LocalRooms local;
    private final ExecutorService reads = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "skysocket-membership-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param store     the store itself, not the indexed view (its reads pass through anyway)
     * @param heldReads the session's read kept between its events, which the change made stale too (a handler's
     *                  {@code socket.rooms()} would show the old rooms)
     */
    MembershipRefresh(SocketStore store, ReadScope heldReads, LocalRooms local) {
        this.store = store;
        this.heldReads = heldReads;
        this.local = local;
    }

    CompletionStage<Void> refresh(String connectionId) {
        return CompletableFuture.runAsync(() -> {
            try {
                heldReads.releaseHeldRead(connectionId);
                local.resync(connectionId, store.sockets(connectionId));
            } catch (RuntimeException e) {
                // The index keeps its copy; the caller's next change, or the socket's end, corrects it.
                LOG.log(Level.WARNING, "event=membership_refresh_failed connection={0} error={1}", connectionId,
                        e.getClass().getSimpleName());
            }
        }, reads);
    }

    @Override
    public void close() {
        reads.shutdownNow();
    }
}
