package dev.skysocket.gateway.node;

import dev.skysocket.gateway.engine.EngineSession;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes a node out of service without a reconnection storm (DESIGN §7): readiness turns false (the ALB's health
 * check and the engine's handshake admission both read it), then every session on the node is closed at its own
 * moment, spread evenly over the drain window with jitter. Closing the session closes its transport, so the
 * client reconnects by itself through the ALB to another task; no Socket.IO DISCONNECT is sent, which would
 * stop the client from reconnecting.
 */
public final class DrainController implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DrainController.class.getName());
    /** With no session to close, how long to wait for handshakes that raced the readiness flip. */
    private static final long LATE_SETTLE_MS = 1_000;

    private final Readiness readiness;
    private final SessionDirectory sessions;
    private final DrainSettings settings;
    private final ScheduledExecutorService timer;
    private final AtomicReference<CompletableFuture<DrainReport>> started = new AtomicReference<>();

    public DrainController(Readiness readiness, SessionDirectory sessions, DrainSettings settings) {
        this.readiness = readiness;
        this.sessions = sessions;
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gateway-drain");
            thread.setDaemon(true);
            return thread;
        });
    }

    public DrainSettings settings() {
        return settings;
    }

    /**
     * Starts the drain once (later calls get the same future). Completes when every session has been closed, or
     * when the window plus grace has passed, whichever comes first; never exceptionally.
     */
    public CompletableFuture<DrainReport> drain() {
        CompletableFuture<DrainReport> done = new CompletableFuture<>();
        if (!started.compareAndSet(null, done)) {
            return started.get();
        }
        readiness.markDraining();
        List<EngineSession> targets = new ArrayList<>();
        sessions.all().forEach(live -> targets.add(live.session()));
        Collections.shuffle(targets); // so the order of closes says nothing about the order of arrival
        Run run = new Run(targets.size(), done);
        LOG.log(Level.INFO, "event=gateway_drain_started sessions={0} window_ms={1}", targets.size(),
                settings.windowMs());
        // Its own clock, not the timer's: a close stuck on the timer thread must not hold the process past SIGKILL.
        CompletableFuture.delayedExecutor(settings.boundMs(), TimeUnit.MILLISECONDS).execute(run::giveUp);
        try {
            schedule(targets, run);
        } catch (RejectedExecutionException e) {
            run.giveUp(); // closed before draining: nothing left to close with
        }
        return done;
    }

    /**
     * Session i of n closes at a uniformly random moment inside its own slot [i·w/n, (i+1)·w/n): even over the
     * window, without two nodes draining in lockstep.
     */
    private void schedule(List<EngineSession> targets, Run run) {
        int n = targets.size();
        long window = settings.windowMs();
        if (n == 0) {
            timer.schedule(run::finish, Math.min(window, LATE_SETTLE_MS), TimeUnit.MILLISECONDS);
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            EngineSession session = targets.get(i);
            long delay = (long) ((i + random.nextDouble()) * window / n);
            timer.schedule(() -> run.close(session), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the timer; closes not yet run are dropped. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One drain's bookkeeping. */
    private final class Run {
        private final long startNanos = System.nanoTime();
        private final AtomicInteger remaining;
        private final ConcurrentLinkedQueue<Long> offsets = new ConcurrentLinkedQueue<>();
        private final CompletableFuture<DrainReport> done;

        Run(int count, CompletableFuture<DrainReport> done) {
            this.remaining = new AtomicInteger(count);
            this.done = done;
        }

        void close(EngineSession session) {
            try {
                closeOne(session);
            } finally {
                if (remaining.decrementAndGet() == 0) {
                    finish();
                }
            }
        }

        /** Closes whatever registered after the snapshot: handshakes verified just before readiness turned. */
        void finish() {
            for (SessionDirectory.LiveSession live : sessions.all()) {
                closeOne(live.session());
            }
            complete(true);
        }

        void giveUp() {
            if (!done.isDone()) {
                LOG.log(Level.WARNING, "event=gateway_drain_timeout bound_ms={0}", settings.boundMs());
                complete(false);
            }
        }

        private void closeOne(EngineSession session) {
            if (done.isDone() || !session.isOpen()) {
                return; // the client left by itself, or the drain is over
            }
            try {
                session.close();
                offsets.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=gateway_drain_close_failed sid={0} error={1}", session.sid(),
                        e.getClass().getName());
            }
        }

        private boolean complete(boolean allClosed) {
            DrainReport report = DrainReport.of(List.copyOf(offsets), allClosed);
            if (!done.complete(report)) {
                return false;
            }
            LOG.log(Level.INFO, "event=gateway_drain_done closed={0} min_ms={1} median_ms={2} max_ms={3} "
                    + "complete={4}", report.closed(), report.minOffsetMs(), report.medianOffsetMs(),
                    report.maxOffsetMs(), report.complete());
            return true;
        }
    }
}
