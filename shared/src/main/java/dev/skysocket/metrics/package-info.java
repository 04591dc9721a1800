/**
 * What a process counts ({@link dev.skysocket.metrics.Metric}) and the one static entry point that counts it
 * ({@link dev.skysocket.metrics.Metrics}); where the values go is a {@link dev.skysocket.metrics.MetricSink} that
 * the process installs at start. Imports nothing of the other layers, so every layer may count.
 */
package dev.skysocket.metrics;
