package dev.skysocket.metrics;

import java.util.Objects;

/** Sinks put together: the gateway reports to its EMF line and its Prometheus endpoint at once. */
public final class MetricSinks {
    private MetricSinks() {
    }

    public static MetricSink both(MetricSink first, MetricSink second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return (metric, value) -> {
            first.record(metric, value);
            second.record(metric, value);
        };
    }
}
