package dev.skysocket.gateway.fallback;

import dev.skysocket.gateway.node.DrainReport;
import dev.skysocket.gateway.node.ShutdownDrain;
import java.lang.System.Logger.Level;
import java.util.Optional;
import sun.misc.Signal;

/**
 * SIGTERM handled by the process itself rather than by the JVM's default handler. The default runs the shutdown
 * hooks and then exits with 143 (128 + SIGTERM) even after a clean drain, so ECS and any supervisor would see
 * every stop as a failure. Here SIGTERM drains and stops exactly as the hook would, then exits 0 when every
 * session was closed in time and 1 when the drain gave up. SIGINT and {@code System.exit} still go through the
 * hook.
 */
final class TermSignal {
    private static final System.Logger LOG = System.getLogger(TermSignal.class.getName());

    private TermSignal() {
    }

    /** Installs the hook for the other ways of stopping and takes over SIGTERM. */
    static void install(ShutdownDrain shutdown) {
        Thread hook = shutdown.install();
        Signal.handle(new Signal("TERM"), signal -> {
            Thread stopper = new Thread(() -> stop(shutdown, hook), "gateway-sigterm");
            stopper.start();
        });
    }

    private static void stop(ShutdownDrain shutdown, Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyStopping) {
            return; // the hook runs already (SIGINT or exit came first); it does the same work
        }
        Optional<DrainReport> report = shutdown.run();
        boolean clean = report.map(DrainReport::complete).orElse(false);
        LOG.log(Level.INFO, "event=gateway_stopped_on_sigterm clean={0}", clean);
        System.exit(clean ? 0 : 1);
    }
}
