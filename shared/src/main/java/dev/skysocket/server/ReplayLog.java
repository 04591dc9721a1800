package dev.skysocket.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.store.BroadcastLog;
import dev.skysocket.store.KeptSession;
import dev.skysocket.store.LoggedPacket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The replayable side of emits in a namespace with connection state recovery: each emit or broadcast gets an
 * offset as its extra last argument (what socket.io-client keeps to present on reconnect) and one log item, whoever
 * it reaches; a recovered socket gets the logged packets meant for it after the offset it presents.
 */
final class ReplayLog {
    /** Slack beyond the disconnection duration and the time a drop may take to be noticed. */
    private static final long RETENTION_SLACK_MS = 60_000;
    /** Log writes that may run beside their broadcasts at once; a write past them runs on its caller. */
    static final int MAX_APPEND_THREADS = 32;
    /**
     * Writes log items beside the broadcasts waiting for them: daemon threads that end when idle, at most one per
     * broadcast in flight (each waits for its own write before it returns). A burst past the bound writes on the
     * broadcast's own thread before its room read, as without this pool: slower, never dropped.
     */
    private static final ExecutorService APPENDS = new ThreadPoolExecutor(0, MAX_APPEND_THREADS, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "skysocket-log-append");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());
    private final ServerContext ctx;

    ReplayLog(ServerContext ctx) {
        this.ctx = ctx;
    }

    /** The namespace's maximum disconnection duration in ms; 0 when recovery is off. */
    long durationMs(String namespace) {
        return ctx.io().declared(namespace).map(DeclaredNamespace::recoveryMs).orElse(0L);
    }

    /**
     * The frames that carry {@code packet} (an EVENT) to {@code rooms} minus the exceptions: as they are when
     * recovery is off, else with a new offset appended and logged first, so no recipient can hold an offset whose
     * packet is not in the log yet.
     */
    List<String> frames(String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                        Set<String> exceptSockets, SocketPacket packet) {
        Logged logged = logging(tenant, namespace, rooms, exceptRooms, exceptSockets, packet);
        logged.awaitLogged();
        return logged.frames();
    }

    /**
     * As {@link #frames}, but the log item is written on another thread while the caller goes on (a broadcast
     * reads its room meanwhile, so the write no longer adds its round trip to every emit); the caller must
     * {@link Logged#awaitLogged()} before any recipient gets the frames.
     */
    Logged logging(String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                   Set<String> exceptSockets, SocketPacket packet) {
        long duration = durationMs(namespace);
        if (duration == 0) {
            return new Logged(PacketFrames.of(packet), null);
        }
        long now = ctx.now();
        String offset = Offsets.next(now);
        ArrayNode payload = ((ArrayNode) packet.data()).deepCopy().add(offset);
        List<String> frames = PacketFrames.of(new SocketPacket(packet.type(), packet.namespace(), packet.ackId(),
                payload, packet.attachments()));
        BroadcastLog log = log();
        LoggedPacket logged = new LoggedPacket(offset, rooms, exceptRooms, exceptSockets, frames);
        long expiresAt = (now + retentionMs(duration)) / 1000 + 1;
        return new Logged(frames, CompletableFuture.runAsync(
                () -> log.append(tenant, namespace, logged, expiresAt), APPENDS));
    }

    /** Frames to send, and the write of their log item (null: nothing is logged). */
    record Logged(List<String> frames, CompletableFuture<Void> write) {
        /** Waits for the log item; a failed write is rethrown as the store threw it, and nothing may be sent. */
        void awaitLogged() {
            if (write == null) {
                return;
            }
            try {
                write.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /**
     * The frames of every logged packet meant for {@code kept} with an offset above {@code after} and at most
     * {@code upTo}, in offset order.
     */
    List<String> missed(KeptSession kept, String after, String upTo) {
        Set<String> member = new HashSet<>(kept.rooms());
        member.add(kept.socketId());
        List<String> frames = new ArrayList<>();
        for (LoggedPacket packet : log().between(kept.tenant(), kept.namespace(), after, upTo, ctx.now())) {
            boolean meant = !Collections.disjoint(packet.rooms(), member)
                    && !packet.exceptSockets().contains(kept.socketId())
                    && Collections.disjoint(packet.exceptRooms(), member);
            if (meant) {
                frames.addAll(packet.frames());
            }
        }
        return frames;
    }

    /** How long log items stay: the duration, plus how late a drop may be noticed (a missed pong), plus slack. */
    private long retentionMs(long duration) {
        return duration + ctx.config().pingIntervalMs() + ctx.config().pingTimeoutMs() + ctx.config().sweepPeriodMs()
                + RETENTION_SLACK_MS;
    }

    private BroadcastLog log() {
        if (ctx.log() == null) {
            throw new IllegalStateException("connection state recovery is on, but this wiring has no broadcast log");
        }
        return ctx.log();
    }
}
