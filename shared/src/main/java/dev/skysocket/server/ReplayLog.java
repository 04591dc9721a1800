package dev.skysocket.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skysocket.concurrent.Failures;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.store.BroadcastLog;
import dev.skysocket.store.KeptSession;
import dev.skysocket.store.LoggedPacket;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
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
    private static final System.Logger LOG = System.getLogger(ReplayLog.class.getName());
    /** Slack beyond the disconnection duration and the time a drop may take to be noticed. */
    private static final long RETENTION_SLACK_MS = 60_000;
    /** Log writes that may run beside their broadcasts at once; a write past them runs on its caller. */
    static final int MAX_APPEND_THREADS = 32;
    /**
     * Writes log items beside the broadcasts waiting for them: daemon threads that end when idle, at most one per
     * broadcast in flight (each settles its own write before it returns). A burst past the bound writes on the
     * broadcast's own thread before it delivers: slower, never dropped.
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
     * recovery is off, else with a new offset appended, and the log item for that offset, to be written on another
     * thread once the caller {@link Logged#start() starts} it: after it has handed its own members their frames
     * and before it reads the rooms. The frames need not wait for the item: a recipient presents the offset only as
     * the point to replay after, and packets logged after a recovering read reach the socket live, since its
     * memberships are stored before the read (docs/recovery.md). Nor should they wait for the write to be handed
     * over: on two busy cores the thread woken for it can take the core from the caller for the SDK's whole
     * client-side work (about 1 ms). The caller {@link Logged#settle() settles} the write before it returns, so a
     * Lambda invocation never ends with it open.
     */
    Logged logging(String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                   Set<String> exceptSockets, SocketPacket packet) {
        long duration = durationMs(namespace);
        if (duration == 0) {
            return new Logged(PacketFrames.of(packet), null, null);
        }
        long now = ctx.now();
        String offset = Offsets.next(now);
        ArrayNode payload = ((ArrayNode) packet.data()).deepCopy().add(offset);
        List<String> frames = PacketFrames.of(new SocketPacket(packet.type(), packet.namespace(), packet.ackId(),
                payload, packet.attachments()));
        BroadcastLog log = log();
        LoggedPacket logged = new LoggedPacket(offset, rooms, exceptRooms, exceptSockets, frames);
        long expiresAt = (now + retentionMs(duration)) / 1000 + 1;
        return new Logged(frames, offset, () -> log.append(tenant, namespace, logged, expiresAt));
    }

    /** Frames to send, their offset and the write of their log item (null: nothing is logged). */
    static final class Logged {
        private final List<String> frames;
        private final String offset;
        private final Runnable append;
        private CompletableFuture<Void> write;

        Logged(List<String> frames, String offset, Runnable append) {
            this.frames = frames;
            this.offset = offset;
            this.append = append;
        }

        List<String> frames() {
            return frames;
        }

        /** Hands the log item's write to another thread; once only, and nothing when nothing is logged. */
        void start() {
            if (append != null && write == null) {
                write = CompletableFuture.runAsync(append, APPENDS);
            }
        }

        /**
         * Starts the write if it was not, then waits for it. A write that failed (after the SDK's retries) is logged
         * and counted, not thrown: the frames are out by then, and only a socket that recovers across this offset
         * misses the packet.
         */
        void settle() {
            start();
            if (write == null) {
                return;
            }
            try {
                write.join();
            } catch (CompletionException | CancellationException e) {
                Throwable cause = Failures.unwrap(e);
                Metrics.count(Metric.REPLAY_LOG_FAILURES);
                LOG.log(Level.WARNING, "event=replay_log_failed offset={0} error={1}", offset, String.valueOf(cause));
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
