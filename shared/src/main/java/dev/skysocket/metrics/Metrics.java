package dev.skysocket.metrics;

import java.util.Objects;

/**
 * The one entry point code uses to report a metric: {@code Metrics.count(Metric.EVENTS_IN)}. Static, because a
 * count is needed deep in the store, fan-out and engine, where passing a registry through every constructor would
 * touch every layer; the process installs its sink once at start ({@link #install}). Costs one volatile read and
 * the sink's own work; with no sink installed, nothing.
 */
public final class Metrics {
    private static volatile MetricSink sink = MetricSink.NONE;

    private Metrics() {
    }

    /** Sends every later record to {@code newSink}; the previous one is returned so a test can put it back. */
    public static MetricSink install(MetricSink newSink) {
        MetricSink previous = sink;
        sink = Objects.requireNonNull(newSink, "sink");
        return previous;
    }

    public static void count(Metric metric) {
        sink.record(metric, 1);
    }

    public static void count(Metric metric, long amount) {
        if (amount != 0) {
            sink.record(metric, amount);
        }
    }

    /** One latency observation in milliseconds. */
    public static void millis(Metric metric, double millis) {
        sink.record(metric, millis);
    }
}
