package dev.skysocket.gateway.engine;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server-driven heartbeat of one session (Engine.IO v4 §Heartbeat): every ping interval the server pings,
 * and a pong must come back within the ping timeout. Timers run {@code ping} and {@code timedOut} on the
 * scheduler; both take the session's lock themselves. Not thread-safe: guarded by the owning session's lock.
 */
final class Heartbeat {
    private final ScheduledExecutorService scheduler;
    private final long intervalMs;
    private final long timeoutMs;
    private final Runnable ping;
    private final Runnable timedOut;
    private ScheduledFuture<?> pingTimer;
    private ScheduledFuture<?> pongDeadline;

    Heartbeat(ScheduledExecutorService scheduler, long intervalMs, long timeoutMs, Runnable ping,
              Runnable timedOut) {
        this.scheduler = scheduler;
        this.intervalMs = intervalMs;
        this.timeoutMs = timeoutMs;
        this.ping = ping;
        this.timedOut = timedOut;
    }

    /** Schedules the next ping. */
    void start() {
        pingTimer = scheduler.schedule(ping, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** A ping went out: the pong is due within the timeout. */
    void pinged() {
        pongDeadline = scheduler.schedule(timedOut, timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** A pong arrived: only an awaited one restarts the cycle, so extra pongs cannot speed up pings. */
    void ponged() {
        if (pongDeadline != null) {
            Timers.cancel(pongDeadline);
            pongDeadline = null;
            start();
        }
    }

    void stop() {
        Timers.cancel(pingTimer);
        Timers.cancel(pongDeadline);
    }
}
