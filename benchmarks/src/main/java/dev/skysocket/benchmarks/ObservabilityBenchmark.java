package dev.skysocket.benchmarks;

import dev.skysocket.logging.JsonLineFormatter;
import dev.skysocket.logging.LogContext;
import dev.skysocket.metrics.EmfSink;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.MetricSink;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.engineio.EngineIoDecoder;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.protocol.socketio.EncodedSocketPacket;
import dev.skysocket.protocol.socketio.SocketIoDecoder;
import dev.skysocket.protocol.socketio.SocketIoEncoder;
import dev.skysocket.protocol.socketio.SocketPacket;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What metrics and logs add to one event: the CPU part of an echo (the inbound frame decoded, the reply encoded)
 * with the three counts it records ({@code EventsIn}, {@code EventsOut}, {@code FanoutDelivered}) going to no
 * sink or to the EMF sink; one Lambda invocation's EMF line (those counts, then the flush); and one INFO line of
 * the JSON log with its context. The store and Management API calls the event also makes are left out: they cost
 * milliseconds, these nanoseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ObservabilityBenchmark {
    private static final String FRAME = "42[\"echo\",{\"msg\":\"hello\"}]";

    @Param({"none", "emf"})
    public String sink;

    private final EngineIoDecoder engineDecoder = new EngineIoDecoder(CodecLimits.DEFAULT);
    private final SocketIoDecoder socketDecoder = new SocketIoDecoder(CodecLimits.DEFAULT);
    private final JsonLineFormatter json = new JsonLineFormatter();
    private EmfSink emf;
    private MetricSink previous;
    private Blackhole lines;
    private LogRecord fanoutLine;

    @Setup
    public void setUp(Blackhole blackhole) {
        lines = blackhole;
        emf = new EmfSink("functions", line -> lines.consume(line), Clock.systemUTC());
        previous = Metrics.install("emf".equals(sink) ? emf : MetricSink.NONE);
        // The fan-out's INFO line of a broadcast, as ManagementApiFanout writes it, inside a route's context.
        fanoutLine = new LogRecord(java.util.logging.Level.INFO, "fanout recipients=12 frames=1 delivered=12 gone=0 "
                + "failed=0 retries=0 durationMs=9 firstError=none");
        fanoutLine.setLoggerName("dev.skysocket.fanout.ManagementApiFanout");
    }

    @TearDown
    public void tearDown() {
        Metrics.install(previous);
    }

    /** A route's log context, set on the benchmark's own thread (the context is thread-bound). */
    @State(Scope.Thread)
    public static class RouteContext {
        private LogContext.Scope scope;

        @Setup
        public void open() {
            scope = RouteContext.fill();
        }

        @TearDown
        public void close() {
            scope.close();
        }

        static LogContext.Scope fill() {
            LogContext.Scope opened = LogContext.open("8f0c6a5e-3b1d-4c2a-9f7e-2d4b6a8c0e1f");
            LogContext.apiRequestId("Xk3aZGxYoAMFvWw=");
            LogContext.connectionId("Xk3aZc2joAMCJjA=");
            LogContext.socketId("gw1aB3dE5fG7hJ9kL1mN3pQ5");
            LogContext.tenant("default");
            return opened;
        }
    }

    /** One echo's codec work and its three counts, into the installed sink. */
    @Benchmark
    public EncodedSocketPacket echoWithCounts() {
        EnginePacket.Message frame = (EnginePacket.Message) engineDecoder.decode(FRAME);
        SocketPacket event = socketDecoder.decode(frame.text());
        Metrics.count(Metric.EVENTS_IN);
        Metrics.count(Metric.EVENTS_OUT);
        Metrics.count(Metric.FANOUT_DELIVERED, 1);
        return SocketIoEncoder.encode(event);
    }

    /** One Lambda invocation's metrics: the echo's three counts, then the one EMF line at its end. */
    @Benchmark
    public void emfLinePerInvocation() {
        emf.record(Metric.EVENTS_IN, 1);
        emf.record(Metric.EVENTS_OUT, 1);
        emf.record(Metric.FANOUT_DELIVERED, 1);
        emf.flush();
    }

    /** One INFO record of the JSON log, with the route's context. */
    @Benchmark
    public String jsonLogLine(RouteContext route) {
        return json.format(fanoutLine);
    }

    /** What every route and session callback pays for its context: open, four fields, close. */
    @Benchmark
    public void routeContext() {
        try (LogContext.Scope scope = RouteContext.fill()) {
            LogContext.isEmpty();
        }
    }
}
