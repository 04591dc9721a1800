package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.CloseCode;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Wires each accepted WebSocket into an {@link EmulatedConnection} and keeps every one until its
 * {@code $disconnect} has completed, so that shutdown can close them all with 1001 and wait for those invocations.
 */
final class LiveConnections {

    private static final System.Logger LOG = System.getLogger(LiveConnections.class.getName());

    private final EmulatorSettings settings;
    private final EmulatorStats stats;
    private final ConnectionRegistry registry;
    private final IntegrationInvoker invoker;
    private final ExecutorService workers;
    private final Duration fragmentedMessageTimeout;
    private final InvocationBacklog backlog;
    private final FairDispatch fair;
    /** Every accepted connection until its {@code $disconnect} has completed. */
    private final Set<EmulatedConnection> live = ConcurrentHashMap.newKeySet();
    /** Upgrades answered 101 whose socket is not yet in {@link #live}: shutdown must not miss them. */
    private final AtomicInteger accepting = new AtomicInteger();
    private volatile boolean stopping;
    private volatile OrderedDelivery ordered;

    LiveConnections(EmulatorSettings settings, EmulatorStats stats, ConnectionRegistry registry,
                    IntegrationInvoker invoker, ExecutorService workers, Duration fragmentedMessageTimeout,
                    InvocationBacklog backlog, FairDispatch fair) {
        this.backlog = backlog;
        this.fair = fair;
        this.settings = settings;
        this.fragmentedMessageTimeout = fragmentedMessageTimeout;
        this.stats = stats;
        this.registry = registry;
        this.invoker = invoker;
        this.workers = workers;
    }

    /** Ordered mode: every connection opened from now on sends its {@code $default} frames to {@code delivery}. */
    void deliverInOrder(OrderedDelivery delivery) {
        this.ordered = delivery;
    }

    /** True once shutdown has begun: new upgrades are refused and late ones close at once. */
    boolean stopping() {
        return stopping;
    }

    /** Sends the 101 for an upgrade whose {@code $connect} allowed it, then opens the connection. */
    void accept(ServerWebSocketHandshake handshake, ConnectionContext context, WebSocketEvents events) {
        accepting.incrementAndGet();
        handshake.accept().onComplete(accepted -> {
            try {
                if (accepted.succeeded()) {
                    open(accepted.result(), context, events);
                } else {
                    LOG.log(Level.DEBUG, "apigw.connect.lost connectionId={0} error={1}", context.connectionId(),
                            accepted.cause().toString());
                }
            } finally {
                accepting.decrementAndGet();
            }
        });
    }

    private void open(ServerWebSocket socket, ConnectionContext context, WebSocketEvents events) {
        EmulatedConnection connection = new EmulatedConnection(context, socket, settings, stats, invoker, events,
                registry, InvocationDispatch.of(settings.invocationOrder(), fair, workers),
                backlog, fragmentedMessageTimeout);
        OrderedDelivery ordered = this.ordered;
        if (ordered != null) {
            connection.deliverInOrder(ordered);
        }
        connection.attach();
        live.add(connection);
        connection.disconnected().whenComplete((ignored, error) -> live.remove(connection));
        registry.add(connection);
        stats.connectionOpened();
        if (stopping) {
            connection.closeWith(CloseCode.GOING_AWAY);  // shutdown began while this upgrade was completing
        }
        LOG.log(Level.DEBUG, "apigw.connect connectionId={0} sourceIp={1}", context.connectionId(), context.sourceIp());
    }

    /**
     * Begins shutdown: closes every connection with 1001 "Going away" and waits, until {@code deadline}
     * ({@link System#nanoTime}), for their {@code $disconnect} invocations.
     */
    void closeAll(long deadline) {
        stopping = true;
        // A socket whose 101 went out just before `stopping` joins `live` a moment later (and closes itself with
        // 1001 on seeing `stopping`): go round until none is left or accepting, within the same bound.
        while (!awaitDisconnects(deadline) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));  // an accept is completing on the event loop
        }
        if (!live.isEmpty() || accepting.get() > 0) {
            LOG.log(Level.WARNING, "apigw.stop.incomplete pendingDisconnects={0}", String.valueOf(live.size()));
        }
    }

    /** Closes every open connection with 1001 and waits for their $disconnect; true when none is left. */
    private boolean awaitDisconnects(long deadline) {
        registry.snapshot().forEach(connection -> connection.closeWith(CloseCode.GOING_AWAY));
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        live.forEach(connection -> pending.add(connection.disconnected()));
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
        return live.isEmpty() && accepting.get() == 0;
    }
}
