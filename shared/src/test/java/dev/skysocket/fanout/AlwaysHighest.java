package dev.skysocket.fanout;

import java.util.random.RandomGenerator;

/** A jitter source that always picks the top of the range, so tests can assert exact waits. */
final class AlwaysHighest implements RandomGenerator {
    @Override
    public long nextLong() {
        return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
        return bound - 1;
    }
}
