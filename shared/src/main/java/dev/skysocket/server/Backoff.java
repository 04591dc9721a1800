package dev.skysocket.server;

import java.util.concurrent.ThreadLocalRandom;

/** A short random pause before retrying a compare-and-set that lost to a concurrent write (full jitter, capped). */
final class Backoff {
    private static final long MAX_MILLIS = 50;

    private Backoff() {
    }

    /** Sleeps up to {@code 2^attempt} ms, at most 50 ms; an interrupt ends the pause early and is kept. */
    static void pause(int attempt) {
        long bound = Math.min(MAX_MILLIS, 1L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
