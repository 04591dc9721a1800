package dev.skysocket.metrics;

/** Where recorded values go: an Embedded Metric Format writer, a Prometheus registry, or nowhere. Thread-safe. */
public interface MetricSink {

    /** Adds {@code value} to {@code metric} (a count, or one observation of a latency in milliseconds). */
    void record(Metric metric, double value);

    /** The sink that keeps nothing: the default until a process installs its own. */
    MetricSink NONE = (metric, value) -> { };
}
