package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.SocketApp;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.MetricSink;
import dev.skysocket.metrics.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbound limits on the API Gateway path, wired as in Lambda over DynamoDB Local: each {@code $default}
 * invocation counts in the store, so the limits hold whichever instance handles the next frame. The harness's
 * clock stands still unless a test moves it.
 */
class InboundLimitsRoutesTest {
    private static final SocketApp APP = io -> io.of("/").on("echo", (socket, args, ack) -> ack.send(args.get(0)));

    private final Map<Metric, LongAdder> counted = new ConcurrentHashMap<>();
    private MetricSink previous;
    private RouteHarness routes;

    @BeforeEach
    void countMetrics() {
        previous = Metrics.install((metric, value) -> counted.computeIfAbsent(metric, m -> new LongAdder())
                .add((long) value));
    }

    @AfterEach
    void close() {
        Metrics.install(previous);
        if (routes != null) {
            routes.close();
        }
    }

    private long count(Metric metric) {
        LongAdder adder = counted.get(metric);
        return adder == null ? 0 : adder.sum();
    }

    private String joined() {
        String connection = routes.connect();
        routes.send(connection, "40");
        return connection;
    }

    private long acks(String connection) {
        return routes.posts(connection).stream().filter(frame -> frame.startsWith("43")).count();
    }

    @Test
    void aFloodOneInstanceSeesIsClosedFromItsMemoryOnceAndOthersCarryOn() {
        // burst 5, and the clock stands still: the CONNECT and 4 events, then the close.
        routes = new RouteHarness(APP, Map.of(InboundLimits.BURST, "5", InboundLimits.PER_SECOND, "5"));
        String flood = joined();
        for (int i = 0; i < 30; i++) {
            routes.send(flood, "42" + i + "[\"echo\"," + i + "]");
        }
        assertThat(acks(flood)).as("events answered").isEqualTo(4);
        assertThat(routes.api.requestsFor(flood).stream().filter(r -> r.method().equals("DELETE")))
                .as("one DELETE, by the event that went over").hasSize(1);
        assertThat(routes.stored(flood)).as("its record, removed at the close").isFalse();
        assertThat(count(Metric.RATE_LIMIT_CLOSES)).isEqualTo(1);

        String other = joined();
        routes.send(other, "421[\"echo\",\"still here\"]");
        assertThat(routes.posts(other)).contains("431[\"still here\"]");
        assertThat(routes.closedByServer(other)).isFalse();
    }

    @Test
    void aFloodSpreadOverInstancesIsClosedOnceByTheSharedCountAtTheSecondsBound() {
        // burst 5 + 5/s: at most 10 messages in one second, the CONNECT among them. Three instances take turns, so
        // none sees more than 4 of the first 11 and only the count in the table can tell.
        InboundLimits limits = new InboundLimits(5, 5, 0);
        routes = new RouteHarness(APP, Map.of(InboundLimits.BURST, "5", InboundLimits.PER_SECOND, "5"));
        List<ApiGatewayRuntime> instances = List.of(routes.runtime, routes.anotherInstance(APP, limits),
                routes.anotherInstance(APP, limits));
        String flood = routes.connect();
        for (int i = 0; i < 30; i++) {
            String frame = i == 0 ? "40" : "42" + i + "[\"echo\"," + i + "]";
            instances.get(i % 3).message().handle(RouteHarness.event(flood, "$default", "MESSAGE", frame, null, null));
        }
        assertThat(acks(flood)).as("events answered").isEqualTo(9);
        // The event that went over closes; an instance whose own bucket runs dry later closes once more (a DELETE
        // of a gone connection does nothing), so at most one close per instance.
        assertThat(routes.api.requestsFor(flood).stream().filter(r -> r.method().equals("DELETE")).count())
                .isBetween(1L, 3L);
        assertThat(count(Metric.RATE_LIMIT_CLOSES)).isBetween(1L, 3L);
    }

    @Test
    void aSenderAtItsRateIsNeverClosedAndPongsAreNotCounted() {
        routes = new RouteHarness(APP, Map.of(InboundLimits.BURST, "5", InboundLimits.PER_SECOND, "5"));
        String steady = joined();
        // The CONNECT and 4 events in the first second (the burst), then 4 a second, under the refill of 5.
        for (int second = 0; second < 12; second++) {
            for (int i = 0; i < 4; i++) {
                routes.send(steady, "3");
                routes.send(steady, "42" + (second * 10 + i) + "[\"echo\"," + i + "]");
            }
            routes.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(acks(steady)).isEqualTo(48);
        assertThat(routes.closedByServer(steady)).isFalse();
        assertThat(count(Metric.RATE_LIMIT_CLOSES)).isZero();
    }

    @Test
    void anEventOverTheTenantsQuotaIsAnsweredWithAnErrorAndTheConnectionStays() {
        routes = new RouteHarness(APP, Map.of(InboundLimits.TENANT_PER_SECOND, "3"));
        String first = joined();
        String second = joined();
        routes.send(first, "421[\"echo\",1]");
        routes.send(second, "422[\"echo\",2]");
        routes.send(first, "423[\"echo\",3]");
        routes.send(second, "424[\"echo\",4]");
        routes.send(first, "42[\"echo\",5]");

        assertThat(routes.posts(first)).contains("431[1]", "433[3]");
        assertThat(routes.posts(second)).contains("432[2]",
                "434[{\"error\":\"tenant quota exceeded\",\"retryAfterMs\":1000}]");
        assertThat(routes.posts(first)).as("an event without a callback gets an error event")
                .contains("42[\"error\",{\"error\":\"tenant quota exceeded\",\"retryAfterMs\":1000}]");
        assertThat(count(Metric.QUOTA_REFUSALS)).isEqualTo(2);

        routes.clock.advance(Duration.ofSeconds(1));
        routes.send(second, "425[\"echo\",6]");
        assertThat(routes.posts(second)).contains("435[6]");
        assertThat(List.of(first, second)).noneMatch(routes::closedByServer);
    }
}
