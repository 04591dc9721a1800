package dev.skysocket.limits;

/**
 * Counting a sample instead of every event: an event is written with probability {@code 1/weight} and then adds
 * {@code weight} ({@link SampleSchedule} picks which), so a counter's expected value is the true count and it
 * costs {@code 1/weight} writes an event. Nothing waits in memory, so a Lambda process frozen or discarded after
 * any invocation loses no count. The price is noise: where every event of a client lands in another process, a
 * client that sent exactly {@code bound} events has a counted total of {@code weight × X}, with X binomial
 * ({@code bound}, {@code 1/weight}); where a process sees several, its every-{@code weight}-th schedule counts them
 * closer than that (Hoeffding: a sum of independent Bernoulli trials with the same mean passes a count above it at
 * most as often as the binomial). A limit that closes must therefore only close above {@link #threshold}, where
 * that total lands with probability at most {@value #FALSE_CLOSE}.
 */
public final class SampledCounting {
    /** Largest weight: 0.05 writes an event for each counter. */
    public static final int MAX_WEIGHT = 20;
    /** Chance, per counter and period, that a sender at exactly the bound is counted past the threshold. */
    public static final double FALSE_CLOSE = 1e-9;
    /** Sampled writes expected at the bound, at least: fewer, and the margin grows past twice the bound. */
    static final int MIN_SAMPLES = 30;
    /** Beyond this the tail is not summed (a loop per event of the bound): a normal bound with room to spare. */
    private static final long EXACT_UP_TO = 1_000_000;
    private static final double SPARE_DEVIATIONS = 7;

    private SampledCounting() {
    }

    /** The weight for a limit of {@code bound} events a period: 1 (every event written) below 60. */
    public static int weightFor(long bound) {
        return (int) Math.max(1, Math.min(MAX_WEIGHT, bound / MIN_SAMPLES));
    }

    /**
     * The smallest counted total a sender of at most {@code bound} events passes with probability at most
     * {@link #FALSE_CLOSE}: {@code bound} itself at weight 1 (exact).
     */
    public static long threshold(long bound, int weight) {
        if (weight < 1 || bound < 0) {
            throw new IllegalArgumentException("weight must be positive and bound not negative");
        }
        if (weight == 1 || bound == 0) {
            return bound;
        }
        if (bound > EXACT_UP_TO) {
            return bound + (long) Math.ceil(SPARE_DEVIATIONS * Math.sqrt(bound * (weight - 1d)));
        }
        double p = 1d / weight;
        double stepDown = Math.log((1 - p) / p);
        double logPmf = bound * Math.log(p); // P(X = bound): every event sampled
        double tail = 0; // P(X >= x)
        for (long x = bound; x > 0; x--) {
            tail += Math.exp(logPmf);
            if (tail > FALSE_CLOSE) {
                // P(X > x) <= FALSE_CLOSE: a counted total above weight × x is a sender over the bound.
                return weight * x;
            }
            logPmf += Math.log((double) x / (bound - x + 1)) + stepDown; // P(X = x - 1)
        }
        return 0;
    }
}
