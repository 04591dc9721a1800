package dev.skysocket.store;

import java.util.OptionalLong;

/**
 * When the latest scheduled heartbeat run started. A run that covers the next run's minute (in case that run is
 * missed or late) reads it to learn that the next run has arrived, and ends instead of paying for the cover.
 */
public interface SweepRuns {
    /** Records that run {@code runId} started at {@code at} (epoch ms); an earlier start never replaces a later one. */
    void started(String runId, long at);

    /** The latest recorded start (epoch ms), or empty when none is recorded (or it has expired). */
    OptionalLong latestStart();
}
