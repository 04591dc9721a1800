package dev.skysocket.metrics;

import java.util.EnumMap;
import java.util.Map;

/** A sink for tests: every metric's sum and number of records since it was installed. */
public final class RecordingSink implements MetricSink, AutoCloseable {
    private final Map<Metric, Double> sums = new EnumMap<>(Metric.class);
    private final Map<Metric, Integer> records = new EnumMap<>(Metric.class);
    private final MetricSink previous;

    private RecordingSink() {
        previous = Metrics.install(this);
    }

    /** Installed as the process's sink until {@link #close}. */
    public static RecordingSink install() {
        return new RecordingSink();
    }

    @Override
    public synchronized void record(Metric metric, double value) {
        sums.merge(metric, value, Double::sum);
        records.merge(metric, 1, Integer::sum);
    }

    public synchronized double sum(Metric metric) {
        return sums.getOrDefault(metric, 0.0);
    }

    public synchronized int records(Metric metric) {
        return records.getOrDefault(metric, 0);
    }

    @Override
    public void close() {
        Metrics.install(previous);
    }
}
