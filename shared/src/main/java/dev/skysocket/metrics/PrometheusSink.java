package dev.skysocket.metrics;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals since start, scraped as Prometheus' text exposition format 0.0.4 ({@link #scrape}): each count
 * as a counter {@code skysocket_<name>_total}, each latency as a summary without quantiles
 * ({@code skysocket_<name>_milliseconds_sum} and {@code _count}), names the snake case of {@link Metric}'s
 * CloudWatch names ({@code EventsIn} → {@code skysocket_events_in_total}). Every metric is listed, zero or not, so
 * a scrape's shape never changes.
 */
public final class PrometheusSink implements MetricSink {
    /** The Content-Type of {@link #scrape}'s text. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Metric[] METRICS = Metric.values();
    private static final String[] NAMES = new String[METRICS.length];

    static {
        for (Metric metric : METRICS) {
            NAMES[metric.ordinal()] = "skysocket_" + snake(metric.metricName());
        }
    }

    private final DoubleAdder[] sums = new DoubleAdder[METRICS.length];
    private final LongAdder[] observations = new LongAdder[METRICS.length];

    public PrometheusSink() {
        for (Metric metric : METRICS) {
            sums[metric.ordinal()] = new DoubleAdder();
            observations[metric.ordinal()] = new LongAdder();
        }
    }

    @Override
    public void record(Metric metric, double value) {
        sums[metric.ordinal()].add(value);
        if (metric.unit() != Metric.Unit.COUNT) {
            observations[metric.ordinal()].increment();
        }
    }

    /** Every metric's total now, one {@code # TYPE} line and its samples each, ending with a line break. */
    public String scrape() {
        StringBuilder text = new StringBuilder(2048);
        for (Metric metric : METRICS) {
            int i = metric.ordinal();
            String name = NAMES[i];
            if (metric.unit() == Metric.Unit.COUNT) {
                text.append("# TYPE ").append(name).append("_total counter\n")
                        .append(name).append("_total ").append(number(sums[i].sum())).append('\n');
            } else {
                String base = name + "_milliseconds";
                text.append("# TYPE ").append(base).append(" summary\n")
                        .append(base).append("_sum ").append(number(sums[i].sum())).append('\n')
                        .append(base).append("_count ").append(observations[i].sum()).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code OpenStepLatency} → {@code open_step_latency}. */
    static String snake(String camel) {
        StringBuilder snake = new StringBuilder(camel.length() + 8);
        for (int c = 0; c < camel.length(); c++) {
            char ch = camel.charAt(c);
            if (Character.isUpperCase(ch)) {
                if (c > 0) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(ch));
            } else {
                snake.append(ch);
            }
        }
        return snake.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
