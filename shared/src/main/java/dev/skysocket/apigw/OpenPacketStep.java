package dev.skysocket.apigw;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ConnectionControl;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.logging.LogContext;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.protocol.engineio.EngineIoEncoder;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.store.ConnectionStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

/**
 * The deferred step that sends the Engine.IO open packet once API Gateway has finished the upgrade. Until then
 * a post answers 410, so it retries with short, growing pauses up to a deadline well inside the client's 20 s
 * connect timeout.
 *
 * <p>Exactly once, also when a run crashes and the event is delivered again (async invocations may run twice):
 * a run first claims the connection for a lease as long as a run can last, then posts, then marks it opened.
 * {@code $default} marks it opened too, on the client's first frame: a client that got the open packet answers
 * with its CONNECT at once, so "opened" is proof of receipt even when the run crashed before its own mark. A
 * later run finds the connection opened (no-op), claimed by a live run (no-op), or claimed by a run whose lease
 * has lapsed without any client frame: that run never delivered, so this one posts.
 */
public final class OpenPacketStep {
    private static final System.Logger LOG = System.getLogger(OpenPacketStep.class.getName());
    private static final long FIRST_PAUSE_MS = 5;
    /**
     * While an upgrade normally completes, a pause is at most this long: the open packet goes out at most this
     * long after the 101, instead of up to {@link #MAX_PAUSE_MS} (the 5, 10, 20 ... doubling reaches 160 ms by
     * 155 ms).
     */
    static final long FAST_MAX_PAUSE_MS = 25;
    /** After this long the upgrade is late (a slow or vanished client): back off to spare the 410 calls. */
    static final long FAST_WINDOW_MS = 1_000;
    static final long MAX_PAUSE_MS = 200;

    private final SkysocketConfig config;
    private final ConnectionStore connections;
    private final ConnectionControl control;
    private final Clock clock;
    private final long deadlineMs;
    private final long leaseMs;

    /**
     * @param deadlineMs how long a run keeps retrying a 410
     * @param leaseMs    how long a claim keeps other runs away: at least a whole run (the function's timeout)
     */
    public OpenPacketStep(SkysocketConfig config, ConnectionStore connections, ConnectionControl control, Clock clock,
                          long deadlineMs, long leaseMs) {
        if (leaseMs <= deadlineMs) {
            throw new IllegalArgumentException("the claim must outlast the run's deadline");
        }
        this.config = config;
        this.connections = connections;
        this.control = control;
        this.clock = clock;
        this.deadlineMs = deadlineMs;
        this.leaseMs = leaseMs;
    }

    /** The open packet every API Gateway connection gets: no upgrades, the shared heartbeat and size limits. */
    public String openFrame(String connectionId) {
        return EngineIoEncoder.encode(new EnginePacket.Open(connectionId, List.of(), config.pingIntervalMs(),
                config.pingTimeoutMs(), config.maxPayload()));
    }

    /** True when this call delivered the open packet. */
    public boolean run(OpenRequest request) throws InterruptedException {
        try (LogContext.Scope scope = LogContext.open(null)) {
            LogContext.connectionId(request.connectionId());
            return send(request);
        }
    }

    private boolean send(OpenRequest request) throws InterruptedException {
        long start = clock.millis();
        if (!connections.claimOpen(request.connectionId(), start, start + leaseMs)) {
            return false;  // opened, claimed by a live run, or gone
        }
        long claimed = clock.millis();
        Recipient recipient = new Recipient(request.connectionId(), request.endpoint());
        String frame = openFrame(request.connectionId());
        long pause = FIRST_PAUSE_MS;
        int attempts = 0;
        while (true) {
            attempts++;
            if (control.post(recipient, frame)) {
                // Delivered: later runs must not post again even before the client's CONNECT arrives.
                connections.markOpened(request.connectionId());
                Metrics.millis(Metric.OPEN_STEP_LATENCY, clock.millis() - start);
                LOG.log(Level.DEBUG, "event=open_sent connection={0} attempts={1} ms={2} claim_ms={3}",
                        request.connectionId(), attempts, clock.millis() - start, claimed - start);
                return true;
            }
            if (clock.millis() - start + pause > deadlineMs) {
                LOG.log(Level.WARNING, "event=open_gave_up connection={0} attempts={1}", request.connectionId(),
                        attempts);
                Metrics.count(Metric.OPEN_STEP_GIVE_UPS);
                return false;
            }
            Thread.sleep(pause);
            pause = nextPause(pause, clock.millis() - start);
        }
    }

    /** Doubling pauses, capped at {@link #FAST_MAX_PAUSE_MS} in the first second and {@link #MAX_PAUSE_MS} after. */
    static long nextPause(long pause, long elapsedMs) {
        return Math.min(pause * 2, elapsedMs < FAST_WINDOW_MS ? FAST_MAX_PAUSE_MS : MAX_PAUSE_MS);
    }
}
