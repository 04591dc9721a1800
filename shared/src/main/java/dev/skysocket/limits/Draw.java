package dev.skysocket.limits;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/** The random source of the sampled counters ({@link SampledCounting}); a test passes a seeded one. */
@FunctionalInterface
public interface Draw {

    /** A uniform pick in {@code [0, bound)}. */
    int below(int bound);

    /** Thread-local randomness: no contention between the invocations of one process. */
    Draw RANDOM = bound -> ThreadLocalRandom.current().nextInt(bound);

    /** The same sequence on every run, for tests; thread-safe. */
    static Draw seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return bound -> {
            synchronized (random) {
                return random.nextInt(bound);
            }
        };
    }
}
