package dev.skysocket.gateway.fallback;

import dev.skysocket.config.Settings;
import dev.skysocket.metrics.EmfSink;
import dev.skysocket.metrics.MetricSinks;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.metrics.PrometheusSink;
import dev.skysocket.runtime.MetricsSetting;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's metrics: running totals for {@code GET /metrics} on the private port ({@link #TOTALS}, one per
 * process, since {@link Metrics} is), and with {@code skysocket.metrics=emf} an Embedded Metric Format line every
 * {@code skysocket.metrics-flush-ms} (60 s, CloudWatch's standard resolution) and one at {@link #close}, so a
 * stopping task's last counts are not lost.
 */
final class GatewayMetrics implements AutoCloseable {
    /** The process's totals since start. */
    static final PrometheusSink TOTALS = new PrometheusSink();
    static final String SERVICE = "gateway";

    private final EmfSink emf;
    private final ScheduledExecutorService timer;

    private GatewayMetrics(EmfSink emf, ScheduledExecutorService timer) {
        this.emf = emf;
        this.timer = timer;
    }

    static GatewayMetrics start(Settings settings) {
        if (!MetricsSetting.emf(settings, false)) {
            Metrics.install(TOTALS);
            return new GatewayMetrics(null, null);
        }
        long periodMs = settings.longValue("skysocket.metrics-flush-ms", 60_000);
        if (periodMs <= 0) {
            throw new IllegalArgumentException("setting skysocket.metrics-flush-ms ("
                    + Settings.envName("skysocket.metrics-flush-ms") + ") must be positive, got " + periodMs);
        }
        EmfSink emf = EmfSink.toStdout(SERVICE);
        Metrics.install(MetricSinks.both(TOTALS, emf));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "skysocket-metrics-flush");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(emf::flush, periodMs, periodMs, TimeUnit.MILLISECONDS);
        return new GatewayMetrics(emf, timer);
    }

    /** Stops the timer and writes what was counted since the last line. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            emf.flush();
        }
    }
}
