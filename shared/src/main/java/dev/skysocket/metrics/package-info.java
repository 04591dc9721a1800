/**
 * What a process counts ({@link dev.skysocket.metrics.Metric}) and the one static entry point that counts it
 * ({@link dev.skysocket.metrics.Metrics}); where the values go is a {@link dev.skysocket.metrics.MetricSink} that
 * the process installs at start. Imports nothing of the other layers, so every layer may count.
 *
 * <p>In CloudWatch (the {@link dev.skysocket.metrics.EmfSink} line on standard output, for alarms and the
 * dashboard):
 * <ul>
 *   <li>namespace {@code Skysocket};</li>
 *   <li>one dimension set, {@code [["Service"]]}: {@code Service=functions} (every Lambda function of the stack,
 *       one line per invocation that counted anything) or {@code Service=gateway} (the Fargate tasks, one line a
 *       minute per task and one at stop);</li>
 *   <li>metric names and units as in {@link dev.skysocket.metrics.Metric} ({@code EventsIn} Count,
 *       {@code OpenStepLatency} Milliseconds, ...). A metric nothing counted in a line's period is absent from
 *       it, not zero: alarms on these metrics should treat missing data as not breaching.</li>
 * </ul>
 * <p>Turned off with {@code skysocket.metrics=none} (the default is {@code emf} on Lambda and on the gateway's
 * image, {@code none} on the local stack). The gateway also serves running totals as Prometheus text on
 * {@code GET /metrics} of its private management port ({@link dev.skysocket.metrics.PrometheusSink}).
 */
package dev.skysocket.metrics;
