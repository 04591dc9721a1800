package dev.skysocket.apigw;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Several heartbeat passes inside one scheduled invocation. EventBridge schedules no finer than one minute, so the
 * invocation itself passes again every pass period (passes at +0, +15, +30, +45 s by default): a ping then goes out
 * at most one pass period, not one minute, before it is due, and pings can be that much further apart.
 *
 * <p>An invocation may cover the windows of the invocations after it too ({@code coveredRuns}): EventBridge can
 * skip or delay a run, and a missed minute with no pass lets a connection whose ping fell due in it reach API
 * Gateway's 10-minute idle close (a ping cannot go out earlier instead: that costs more than 13 billed messages
 * an idle hour). With two runs covered, invocations overlap; the store's ping claim keeps two passes from
 * pinging one connection twice.
 *
 * <p>The cover is paid for only while it is needed: each invocation records its start ({@link HandOff}), and
 * before each pass past its own minute an invocation asks whether a newer one has started; if so, that one
 * sweeps and this one ends. Its first such pass waits {@link #handOffGraceMs} beyond the minute, so the next
 * run, started a few seconds into its minute, is found there when it is on time.
 *
 * <p>Sleeping is billed Lambda time, so after each pass one look-ahead asks whether anything falls due before
 * the covered window ends; if not, the invocation ends. A pass never starts after the covered window, and never
 * when it could not finish inside the invocation's remaining time.
 */
public final class SweepPasses {
    private static final System.Logger LOG = System.getLogger(SweepPasses.class.getName());
    /** Room left at the end of the invocation for the last pass's log line and the runtime's reply. */
    public static final long DEFAULT_SAFETY_MARGIN_MS = 5_000;
    /**
     * Scheduled runs one invocation covers on AWS: its own and the next one's, so one missed or late run leaves
     * no gap. HeartbeatFunction's Timeout in template.yaml must leave room for it (a last pass at +105 s when the
     * next run never starts).
     */
    public static final int SCHEDULED_RUNS_COVERED = 2;
    /**
     * How long past its own minute an invocation waits for the next run before passing in that run's stead (at
     * most a third of the pass period). The next run's start drifts by EventBridge's seconds of jitter; a missed
     * run's connections wait this much more.
     */
    public static final long HAND_OFF_GRACE_MS = 5_000;

    /** How one invocation learns that the next one has started. */
    public interface HandOff {
        /** No hand-off: an invocation covering later runs' minutes always passes through them. */
        HandOff NONE = new HandOff() {
            @Override
            public void started(long at) {
            }

            @Override
            public boolean newerRunStarted(long ownStart) {
                return false;
            }
        };

        /** Records that this invocation started at {@code at}. Must not throw. */
        void started(long at);

        /** Whether an invocation that started after {@code ownStart} has begun. Must not throw. */
        boolean newerRunStarted(long ownStart);
    }

    /** Waits for a while; tests move a simulated clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** What one invocation did: the passes' sums, how long it slept between them, and why it stopped. */
    public record Outcome(SweepReport total, int passes, long sleptMs, String stop) {
    }

    private final Supplier<SweepReport> pass;
    private final LongPredicate anythingDueBy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long sweepPeriodMs;
    private final long passPeriodMs;
    private final long safetyMarginMs;
    private final int coveredRuns;
    private final HandOff handOff;

    /** Covers its own window only. */
    public SweepPasses(Supplier<SweepReport> pass, LongPredicate anythingDueBy, Clock clock, Sleeper sleeper,
                       long sweepPeriodMs, long passPeriodMs, long safetyMarginMs) {
        this(pass, anythingDueBy, clock, sleeper, sweepPeriodMs, passPeriodMs, safetyMarginMs, 1);
    }

    /**
     * @param pass          one sweep over everything due now
     * @param anythingDueBy whether any connection falls due at or before the given time
     * @param coveredRuns   how many scheduled runs' windows this invocation passes through, its own included
     */
    public SweepPasses(Supplier<SweepReport> pass, LongPredicate anythingDueBy, Clock clock, Sleeper sleeper,
                       long sweepPeriodMs, long passPeriodMs, long safetyMarginMs, int coveredRuns) {
        this(pass, anythingDueBy, clock, sleeper, sweepPeriodMs, passPeriodMs, safetyMarginMs, coveredRuns,
                HandOff.NONE);
    }

    /** @param handOff records this invocation's start and tells it when a newer one has started */
    public SweepPasses(Supplier<SweepReport> pass, LongPredicate anythingDueBy, Clock clock, Sleeper sleeper,
                       long sweepPeriodMs, long passPeriodMs, long safetyMarginMs, int coveredRuns,
                       HandOff handOff) {
        if (passPeriodMs < 1 || passPeriodMs > sweepPeriodMs || safetyMarginMs < 0 || coveredRuns < 1) {
            throw new IllegalArgumentException("pass period must be in 1.." + sweepPeriodMs
                    + ", margin >= 0, covered runs >= 1");
        }
        this.coveredRuns = coveredRuns;
        this.handOff = handOff;
        this.pass = pass;
        this.anythingDueBy = anythingDueBy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.sweepPeriodMs = sweepPeriodMs;
        this.passPeriodMs = passPeriodMs;
        this.safetyMarginMs = safetyMarginMs;
    }

    /** The wait past an invocation's own minute before its first look for the next run. */
    public static long handOffGraceMs(long passPeriodMs) {
        return Math.min(HAND_OFF_GRACE_MS, passPeriodMs / 3);
    }

    /** Runs one invocation's passes; {@code remainingMillis} is the invocation's time left (Lambda's Context). */
    public Outcome run(LongSupplier remainingMillis) {
        long start = clock.millis();
        if (coveredRuns > 1) {
            handOff.started(start);
        }
        long ownEnd = start + sweepPeriodMs;
        boolean graceTaken = false;
        // The first pass of the invocation after the covered ones takes everything due after the last slot.
        long lastSlot = start + coveredRuns * sweepPeriodMs - passPeriodMs;
        long slot = start;
        long longestPass = 0;
        long slept = 0;
        int passes = 0;
        int[] sums = new int[4];
        String stop;
        while (true) {
            long passStart = clock.millis();
            SweepReport r = pass.get();
            passes++;
            sums[0] += r.pinged();
            sums[1] += r.timedOut();
            sums[2] += r.rotated();
            sums[3] += r.gone();
            long now = clock.millis();
            longestPass = Math.max(longestPass, now - passStart);
            // A slow pass skips the slots it overran: passes stay on the grid, so none runs into the next invocation.
            slot += passPeriodMs;
            if (slot < now) {
                slot += (now - slot + passPeriodMs - 1) / passPeriodMs * passPeriodMs;
            }
            if (slot > lastSlot) {
                stop = "period_over";
                break;
            }
            if (!anythingDueBy.test(lastSlot)) {
                stop = "nothing_due";
                break;
            }
            long wait = Math.max(0, slot - now);
            if (slot >= ownEnd && !graceTaken && handOff != HandOff.NONE) {
                graceTaken = true;
                wait += handOffGraceMs(passPeriodMs);
            }
            if (wait + longestPass + safetyMarginMs > remainingMillis.getAsLong()) {
                stop = "out_of_time";
                break;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = "interrupted";
                break;
            }
            slept += wait;
            if (slot >= ownEnd && handOff.newerRunStarted(start)) {
                stop = "handed_off";
                break;
            }
        }
        long duration = clock.millis() - start;
        SweepReport total = new SweepReport(sums[0], sums[1], sums[2], sums[3], duration);
        LOG.log(stop.equals("out_of_time") ? Level.WARNING : Level.INFO,
                "event=heartbeat_passes passes={0} pinged={1} slept_ms={2} ms={3} stop={4}",
                passes, total.pinged(), slept, duration, stop);
        return new Outcome(total, passes, slept, stop);
    }
}
