package dev.skysocket.server;

import dev.skysocket.api.Args;
import dev.skysocket.store.AckKey;
import dev.skysocket.store.AckStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Server-to-client acks for one process: the waits under way and where answers go. An answer to a wait this
 * process holds in memory (a fallback gateway node's own sessions) completes it at once; any other answer is
 * written to the {@link AckStore} for whoever waits for it (another Lambda invocation, another node), which polls.
 * An answer nobody waits for is dropped with one debug line, or expires with its item's TTL.
 *
 * <p>On the API Gateway path a Lambda instance is frozen once its handler returns, so {@link #withinInvocation}
 * keeps the {@code $default} invocation alive until its waits are over, and bounds them by its remaining time.
 */
public final class ServerAcks {
    /** The bound of a wait without a timeout outside an invocation (the fallback gateway). */
    static final long UNBOUNDED_WAIT_MS = 600_000;
    /** Kept from the invocation's remaining time to send what the app does with the answer, and to return. */
    static final long INVOCATION_MARGIN_MS = 1_000;
    /** When the remaining time is not known: DefaultFunction's Timeout in template.yaml. */
    public static final long DEFAULT_INVOCATION_MS = 29_000;
    /** A stored answer is read within one poll period of its write; the TTL only has to outlast that, and skew. */
    static final long ANSWER_TTL_SECONDS = 120;
    private static final System.Logger LOG = System.getLogger(ServerAcks.class.getName());
    private static final ThreadLocal<List<AckWait>> INVOCATION = new ThreadLocal<>();
    private static final ThreadLocal<Long> INVOCATION_DEADLINE = new ThreadLocal<>();

    private final AckStore store;
    private final boolean holdsSessions;
    private final Clock clock;
    private final ConcurrentMap<AckKey, AckWait> inMemory = new ConcurrentHashMap<>();

    private ServerAcks(AckStore store, boolean holdsSessions, Clock clock) {
        this.store = store;
        this.holdsSessions = holdsSessions;
        this.clock = clock;
    }

    /** One process that holds every session and no store (tests, a single node): answers complete in memory. */
    public static ServerAcks inMemory(Clock clock) {
        return new ServerAcks(null, true, clock);
    }

    /** The API Gateway path: no session is held here; every answer goes through the store. */
    public static ServerAcks overStore(AckStore store, Clock clock) {
        return new ServerAcks(store, false, clock);
    }

    /** A fallback gateway node: its own sessions' answers in memory, other nodes' through the store. */
    public static ServerAcks holdingSessions(AckStore store, Clock clock) {
        return new ServerAcks(store, true, clock);
    }

    /** True when this process handles the packets of the sessions it holds (answers for them come here). */
    boolean holdsSessions() {
        return holdsSessions;
    }

    /**
     * Runs one invocation's work, then waits until every wait it started is over (bounded by the invocation's
     * remaining time), so that what the app chained on an answer runs before the instance is frozen.
     *
     * @param remainingMillis the invocation's remaining time, e.g. Lambda's {@code getRemainingTimeInMillis()}
     */
    public <T> T withinInvocation(long remainingMillis, Supplier<T> work) {
        long deadline = System.nanoTime() + Math.max(0, remainingMillis - INVOCATION_MARGIN_MS) * 1_000_000L;
        List<AckWait> waits = new ArrayList<>();
        INVOCATION.set(waits);
        INVOCATION_DEADLINE.set(deadline);
        try {
            return work.get();
        } finally {
            INVOCATION.remove();
            INVOCATION_DEADLINE.remove();
            settle(waits, deadline);
        }
    }

    /**
     * Starts waiting for answers, before the packet is sent so no answer can come first.
     *
     * @param socketOf  the socket id each expected answer comes from
     * @param held      keys whose answers this process receives itself; the others are polled from the store
     * @param timeoutMs the app's timeout, or 0 for none
     */
    AckWait await(Map<AckKey, String> socketOf, Set<AckKey> held, long timeoutMs) {
        long now = System.nanoTime();
        Long invocationDeadline = INVOCATION_DEADLINE.get();
        long bound = invocationDeadline != null ? invocationDeadline : now + UNBOUNDED_WAIT_MS * 1_000_000L;
        long deadline = timeoutMs > 0 ? Math.min(bound, now + timeoutMs * 1_000_000L) : bound;
        Set<AckKey> polled = socketOf.keySet().stream()
                .filter(key -> store != null && !(holdsSessions && held.contains(key))).collect(Collectors.toSet());
        AckWait wait = new AckWait(socketOf, polled, deadline);
        for (AckKey key : socketOf.keySet()) {
            if (!polled.contains(key)) {
                inMemory.put(key, wait);
            }
        }
        wait.result().whenComplete((answers, error) -> wait.keys().forEach(key -> inMemory.remove(key, wait)));
        List<AckWait> invocation = INVOCATION.get();
        if (invocation != null) {
            invocation.add(wait);
        }
        if (socketOf.isEmpty()) {
            wait.completeEmpty(); // nobody to wait for
        } else {
            AckPolling.start(wait, store);
        }
        return wait;
    }

    /** A client's answer to server ack {@code id} on one socket; never throws for an unknown or late id. */
    public void answer(String connectionId, String namespace, long id, Args args) {
        AckKey key = new AckKey(connectionId, namespace, id);
        AckWait wait = inMemory.get(key);
        if (wait != null && wait.offer(key, args)) {
            return;
        }
        if (store == null) {
            LOG.log(Level.DEBUG, "event=ack_unmatched connection={0} ack={1}", connectionId, id);
            return;
        }
        long expiresAt = clock.millis() / 1000 + ANSWER_TTL_SECONDS;
        if (!store.putAnswer(key, JsonValues.write(JsonValues.array(args)), expiresAt)) {
            LOG.log(Level.DEBUG, "event=ack_repeated connection={0} ack={1}", connectionId, id);
        }
    }

    private static void settle(List<AckWait> waits, long deadline) {
        try {
            for (AckWait wait : waits) {
                wait.awaitSettled(deadline + INVOCATION_MARGIN_MS / 2 * 1_000_000L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
