package dev.skysocket.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;

/**
 * CloudWatch's Embedded Metric Format: values are summed in memory and {@link #flush} writes them as one JSON line
 * (namespace {@value #NAMESPACE}, one dimension {@value #DIMENSION}), which CloudWatch Logs turns into metrics with
 * no API call and no extra permission. On Lambda the functions flush once at the end of each invocation; the
 * gateway flushes on a timer and at stop. A metric nothing recorded since the last flush is left out of the line.
 *
 * <p>Counts are sums (one number); latencies are value arrays, which EMF allows up to {@value #MAX_VALUES} values
 * per metric: when one fills, the line is written early rather than dropping observations.
 *
 * <p>Written here rather than taken from a library: Powertools' metrics module is built around a Lambda handler's
 * life (its annotation or a wrapper given the Lambda {@code Context}, and its own singleton), and the gateway is no
 * Lambda; the line is one fixed shape over one enum, about a hundred lines.
 */
public final class EmfSink implements MetricSink {
    public static final String NAMESPACE = "Skysocket";
    public static final String DIMENSION = "Service";
    /** EMF's limit of values in one metric's array. */
    static final int MAX_VALUES = 100;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Metric[] METRICS = Metric.values();

    private final String service;
    private final Consumer<String> out;
    private final Clock clock;
    private final DoubleAdder[] counts = new DoubleAdder[METRICS.length];
    /** Per latency metric: the values since the last flush; guarded by {@code this}. */
    private final double[][] values = new double[METRICS.length][];
    private final int[] sizes = new int[METRICS.length];

    /**
     * @param service the {@value #DIMENSION} dimension's value ({@code functions}, {@code gateway})
     * @param out     where a line goes (standard output: Lambda and the awslogs driver send it to CloudWatch Logs)
     */
    public EmfSink(String service, Consumer<String> out, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Metric metric : METRICS) {
            if (metric.unit() == Metric.Unit.COUNT) {
                counts[metric.ordinal()] = new DoubleAdder();
            } else {
                values[metric.ordinal()] = new double[MAX_VALUES];
            }
        }
    }

    /** Lines to standard output, timed by the system clock. */
    public static EmfSink toStdout(String service) {
        return new EmfSink(service, line -> System.out.println(line), Clock.systemUTC());
    }

    @Override
    public void record(Metric metric, double value) {
        int i = metric.ordinal();
        DoubleAdder count = counts[i];
        if (count != null) {
            count.add(value);
            return;
        }
        String full = null;
        synchronized (this) {
            values[i][sizes[i]++] = value;
            if (sizes[i] == MAX_VALUES) {
                full = drain();
            }
        }
        if (full != null) {
            out.accept(full);
        }
    }

    /** Writes one line with everything recorded since the last flush; nothing when nothing was. */
    public void flush() {
        String line;
        synchronized (this) {
            line = drain();
        }
        if (line != null) {
            out.accept(line);
        }
    }

    /** Under the lock: the line, and every value reset. A count added while draining lands in the next line. */
    private String drain() {
        double[] taken = new double[METRICS.length];
        boolean any = false;
        for (Metric metric : METRICS) {
            int i = metric.ordinal();
            if (counts[i] != null) {
                taken[i] = counts[i].sumThenReset();
                any |= taken[i] != 0;
            } else {
                any |= sizes[i] > 0;
            }
        }
        if (!any) {
            return null;
        }
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString(DIMENSION);
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Metric metric : METRICS) {
                if (present(metric, taken)) {
                    json.writeStartObject();
                    json.writeStringField("Name", metric.metricName());
                    json.writeStringField("Unit", metric.unit().cloudWatchName());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField(DIMENSION, service);
            for (Metric metric : METRICS) {
                int i = metric.ordinal();
                if (!present(metric, taken)) {
                    continue;
                }
                if (counts[i] != null) {
                    number(json, metric.metricName(), taken[i]);
                } else {
                    json.writeArrayFieldStart(metric.metricName());
                    for (int v = 0; v < sizes[i]; v++) {
                        json.writeNumber(values[i][v]);
                    }
                    json.writeEndArray();
                    sizes[i] = 0;
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private boolean present(Metric metric, double[] taken) {
        int i = metric.ordinal();
        return counts[i] != null ? taken[i] != 0 : sizes[i] > 0;
    }

    /** Whole counts as integers: {@code 3}, not {@code 3.0}. */
    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumberField(name, (long) value);
        } else {
            json.writeNumberField(name, value);
        }
    }
}
