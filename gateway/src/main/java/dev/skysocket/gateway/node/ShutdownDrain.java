package dev.skysocket.gateway.node;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drains the node when the JVM is asked to stop. On Fargate, ECS stops a task by deregistering it from the ALB's
 * target group (new requests go elsewhere at once) and sending SIGTERM; {@code stopTimeout} later (at most 120 s)
 * it sends SIGKILL. SIGTERM runs the JVM's shutdown hooks, so this hook drains, waits for it at most the window
 * plus grace (which {@link DrainSettings} keeps under the stop timeout), then stops the rest of the process.
 */
public final class ShutdownDrain {
    private static final System.Logger LOG = System.getLogger(ShutdownDrain.class.getName());
    /** Beyond the drain's own bound, for the future's completion to be seen. */
    private static final long WAIT_SLACK_MS = 1_000;

    private final DrainController drain;
    private final Runnable afterDrain;

    /** {@code afterDrain} stops the listeners, the engine and the node; it runs even if the drain timed out. */
    public ShutdownDrain(DrainController drain, Runnable afterDrain) {
        this.drain = drain;
        this.afterDrain = afterDrain;
    }

    /** Registers {@link #run()} as a shutdown hook and returns its thread (to remove it when stopped otherwise). */
    public Thread install() {
        Thread hook = new Thread(this::run, "gateway-shutdown-drain");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /**
     * What the hook does: drain, wait (bounded), then {@code afterDrain}. Empty when the drain did not report in
     * time; the process goes on stopping either way.
     */
    public Optional<DrainReport> run() {
        long bound = drain.settings().boundMs() + WAIT_SLACK_MS;
        Optional<DrainReport> report = Optional.empty();
        try {
            report = Optional.of(drain.drain().get(bound, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "event=gateway_shutdown_drain_unfinished bound_ms={0} error={1}", bound,
                    e.getClass().getName());
        } finally {
            try {
                afterDrain.run();
            } finally {
                drain.close();
            }
        }
        return report;
    }
}
