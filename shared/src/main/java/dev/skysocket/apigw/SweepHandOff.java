package dev.skysocket.apigw;

import dev.skysocket.store.SweepRuns;
import java.lang.System.Logger.Level;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One run's side of the hand-off between scheduled heartbeat runs: it records the run's start, and tells the
 * run, once past its own minute, whether a newer run has started (then the newer run sweeps and this one ends).
 * When the store fails, the run keeps passing: covering a minute twice costs Lambda time, a gap can cost
 * connections. Each kind of failure is logged once per run.
 */
final class SweepHandOff implements SweepPasses.HandOff {
    private static final System.Logger LOG = System.getLogger(SweepHandOff.class.getName());

    private final SweepRuns runs;
    private final String runId = UUID.randomUUID().toString();
    private boolean writeFailureLogged;
    private boolean readFailureLogged;

    SweepHandOff(SweepRuns runs) {
        this.runs = runs;
    }

    @Override
    public void started(long at) {
        try {
            runs.started(runId, at);
        } catch (RuntimeException e) {
            if (!writeFailureLogged) {
                writeFailureLogged = true;
                LOG.log(Level.WARNING, "event=heartbeat_handoff_write_failed run={0} error={1}", runId, e.toString());
            }
        }
    }

    @Override
    public boolean newerRunStarted(long ownStart) {
        try {
            OptionalLong latest = runs.latestStart();
            return latest.isPresent() && latest.getAsLong() > ownStart;
        } catch (RuntimeException e) {
            if (!readFailureLogged) {
                readFailureLogged = true;
                LOG.log(Level.WARNING, "event=heartbeat_handoff_read_failed run={0} error={1}", runId, e.toString());
            }
            return false;
        }
    }
}
