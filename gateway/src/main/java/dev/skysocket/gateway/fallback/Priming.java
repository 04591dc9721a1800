package dev.skysocket.gateway.fallback;

import dev.skysocket.concurrent.Failures;
import dev.skysocket.auth.ReservedTenants;
import dev.skysocket.config.Settings;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.engineio.EngineIoDecoder;
import dev.skysocket.protocol.engineio.EngineIoEncoder;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.protocol.socketio.SocketIoDecoder;
import dev.skysocket.protocol.socketio.SocketIoEncoder;
import dev.skysocket.server.ServerContext;
import dev.skysocket.server.StoreEmitter;
import dev.skysocket.store.SocketIdPrefix;
import dev.skysocket.store.SocketRecord;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the hot paths of a broadcast once the listeners are up and before the node reports that it listens, like
 * Lambda SnapStart's priming: a fresh JVM interprets them, and on two busy cores the first seconds of traffic
 * otherwise queue behind the interpreter and the JIT. Loopback sessions ({@link PrimingClients}) are opened through
 * the public listener; sockets of a tenant no client can have ({@link #TENANT}, reserved) are stored for them and join one
 * room; then broadcasts to that room run the whole path (encode, the room's local index, the store Query for the
 * other endpoints, local delivery, the websocket write) and the codecs decode client frames. Everything it stored
 * is removed again. Bounded by {@code skysocket.gateway-priming-ms} (default 3,000) and a round limit; off with
 * {@code skysocket.gateway-priming=false}. A failure ends priming, never the start.
 */
final class Priming {
    /** Reserved: an identity that names it is denied at the handshake on both paths. */
    static final String TENANT = ReservedTenants.PRIMING;
    static final String ROOM = "priming";
    private static final System.Logger LOG = System.getLogger(Priming.class.getName());
    private static final int SESSIONS = 8;
    private static final int THREADS = 4;
    static final long DEFAULT_BUDGET_MS = 3_000;
    /** Priming's round loops: daemon threads that end when idle, so a primed node keeps none. */
    private static final ExecutorService LOOPS = new ThreadPoolExecutor(0, THREADS, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "skysocket-priming");
                thread.setDaemon(true);
                return thread;
            });
    private static final int MAX_ROUNDS = 2_000;
    private static final int CODEC_LOOPS = 200;

    private final ServerContext ctx;
    private final String endpoint;
    private final int port;
    private final long budgetNanos;

    Priming(ServerContext ctx, String endpoint, int port, long budgetMs) {
        this.ctx = ctx;
        this.endpoint = endpoint;
        this.port = port;
        this.budgetNanos = budgetMs * 1_000_000L;
    }

    /** What a priming run did: broadcast rounds, frames its sessions received, and how it ended. */
    record Result(int rounds, long frames, long millis, String outcome) {
    }

    /** Whether start-up priming runs ({@code skysocket.gateway-priming}, on by default). */
    static boolean enabled(Settings settings) {
        return settings.bool("skysocket.gateway-priming", true);
    }

    /** Primes {@code gateway} unless the settings turn it off; empty when they do. */
    static Optional<Result> runIfEnabled(FallbackGateway gateway, Settings settings) {
        if (!enabled(settings)) {
            return Optional.empty();
        }
        return Optional.of(new Priming(gateway.node().context(), gateway.managementUrl(), gateway.port(),
                settings.longValue("skysocket.gateway-priming-ms", DEFAULT_BUDGET_MS)).run());
    }

    Result run() {
        long start = System.nanoTime();
        AtomicInteger rounds = new AtomicInteger();
        long frames = 0;
        String outcome = "done";
        try (PrimingClients clients = PrimingClients.open(port, SESSIONS, remaining(start))) {
            List<SocketRecord> sockets = store(clients.sids());
            try {
                // Rounds from several threads at once, as emits from many sessions arrive: a store call's wait
                // then overlaps the others' work, and the JIT sees the paths as busy as traffic makes them.
                List<CompletableFuture<Void>> loops = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    loops.add(CompletableFuture.runAsync(() -> rounds(clients.sids(), rounds, start), LOOPS));
                }
                CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
                frames = clients.awaitFrames((long) rounds.get() * SESSIONS * 2,
                        Math.max(remaining(start), 5_000_000_000L));
            } finally {
                remove(sockets);
            }
        } catch (Exception | LinkageError e) {
            Throwable cause = Failures.unwrap(e);
            outcome = cause.getClass().getSimpleName();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.log(Level.INFO, "event=gateway_primed rounds={0} frames={1} millis={2} outcome={3}",
                Integer.toString(rounds.get()), Long.toString(frames), Long.toString(millis), outcome);
        return new Result(rounds.get(), frames, millis, outcome);
    }

    /** One thread's rounds until the budget or the round limit ends them. */
    private void rounds(List<String> sids, AtomicInteger rounds, long start) {
        EngineIoDecoder engine = new EngineIoDecoder(CodecLimits.DEFAULT);
        SocketIoDecoder socketIo = new SocketIoDecoder(CodecLimits.DEFAULT);
        while (remaining(start) > 0) {
            int round = rounds.getAndIncrement();
            if (round >= MAX_ROUNDS) {
                rounds.decrementAndGet();
                return;
            }
            broadcast(round);
            deliver(sids, round);
            decode(engine, socketIo, round);
        }
    }

    private long remaining(long start) {
        return budgetNanos - (System.nanoTime() - start);
    }

    /** A socket of the priming tenant per loopback session, each in {@link #ROOM}: indexed here as a join would. */
    private List<SocketRecord> store(List<String> sids) {
        List<SocketRecord> sockets = new ArrayList<>();
        String prefix = SocketIdPrefix.of(endpoint);
        long expiresAt = ctx.now() / 1000 + 3_600;
        for (String sid : sids) {
            SocketRecord socket = new SocketRecord(sid, "/", prefix + "priming-" + sid, TENANT, Set.of(), "{}",
                    null, ctx.now());
            ctx.sockets().putSocket(socket);
            sockets.add(socket);
            ctx.rooms().join(socket, endpoint, ROOM, expiresAt);
        }
        return sockets;
    }

    private void remove(List<SocketRecord> sockets) {
        for (SocketRecord socket : sockets) {
            try {
                ctx.rooms().leave(socket, ROOM);
                ctx.sockets().removeSocket(socket);
            } catch (RuntimeException e) {
                // The loopback session's close removes its connection and sockets anyway (and TTL behind that).
                LOG.log(Level.DEBUG, "event=priming_cleanup_failed error={0}", e.getClass().getSimpleName());
            }
        }
    }

    /** A server-side broadcast to the room: the same Broadcaster a handler's {@code to(room).emit} runs. */
    private void broadcast(int round) {
        new StoreEmitter(ctx, TENANT).of("/").to(ROOM).emit("priming", round,
                "a payload of about the size of a chat line");
    }

    /** Frames straight to the sessions, as a handler's {@code socket.emit} reaches its own session. */
    private void deliver(List<String> sids, int round) {
        List<Recipient> recipients = sids.stream().map(sid -> new Recipient(sid, endpoint)).toList();
        ctx.fanout().deliver(List.of("42[\"priming\"," + round + "]"), recipients);
    }

    /** What the inbound path decodes for each client event, and the encoder behind every emit. */
    private static void decode(EngineIoDecoder engine, SocketIoDecoder socketIo, int round) {
        for (int i = 0; i < CODEC_LOOPS / 10; i++) {
            String frame = "42[\"say\",{\"room\":\"latency\",\"msg\":" + (round * 100 + i) + "}]";
            EnginePacket packet = engine.decode(frame);
            if (packet instanceof EnginePacket.Message message) {
                SocketIoEncoder.encode(socketIo.decode(message.text()));
            }
            EngineIoEncoder.encode(packet);
        }
    }
}
