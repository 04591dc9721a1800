package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.api.SocketApp;
import dev.skysocket.logging.JsonLineFormatter;
import dev.skysocket.logging.LogContext;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.RecordingSink;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the routes report: the metrics they count, and the context their log lines carry, in JSON. */
class RouteObservabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_LOGGER = "dev.skysocket.apigw.observed-app";

    private final SocketApp app = io -> io.of("/").on("echo", (socket, args, ack) -> {
        System.getLogger(APP_LOGGER).log(Level.INFO, "event=app_line");
        socket.emit("echo", args);
    });
    private final RouteHarness routes = new RouteHarness(app, Map.of());
    private final RecordingSink metrics = RecordingSink.install();
    /** Formatted as they are logged: the formatter reads the logging thread's context. */
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger appLogger = Logger.getLogger(APP_LOGGER);
    private final Handler capture = new Handler() {
        private final JsonLineFormatter json = new JsonLineFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(json.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void close() {
        appLogger.removeHandler(capture);
        metrics.close();
        routes.close();
    }

    @Test
    void oneEchoCountsTheConnectionOneEventInAndOneOut() {
        String id = routes.connect();
        routes.send(id, "40");
        routes.send(id, "42[\"echo\",1]");
        routes.disconnect(id);

        assertThat(routes.posts(id)).last().isEqualTo("42[\"echo\",1]");
        assertThat(metrics.sum(Metric.CONNECTIONS_OPENED)).isEqualTo(1);
        assertThat(metrics.sum(Metric.EVENTS_IN)).isEqualTo(1);
        assertThat(metrics.sum(Metric.EVENTS_OUT)).isEqualTo(1);
        // The open packet and the namespace's answer go by post; the echo through the fan-out, to one recipient.
        assertThat(metrics.sum(Metric.FANOUT_DELIVERED)).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum(Metric.FANOUT_FAILED)).isZero();
        assertThat(metrics.records(Metric.OPEN_STEP_LATENCY)).isEqualTo(1);
        assertThat(metrics.sum(Metric.OPEN_STEP_GIVE_UPS)).isZero();
        assertThat(metrics.sum(Metric.CONNECTIONS_CLOSED)).isEqualTo(1);
    }

    @Test
    void aHandlersLogLineCarriesTheRequestConnectionSocketAndTenant() throws Exception {
        appLogger.addHandler(capture);
        String id = routes.connect();
        routes.send(id, "40");
        String socketId = routes.posts(id).get(1).replaceAll("^40\\{\"sid\":\"([^\"]+)\"}$", "$1");
        // As on Lambda: the invocation's context holds the Lambda request id around the route.
        try (LogContext.Scope invocation = LogContext.open("lambda-request-1")) {
            routes.send(id, "42[\"echo\",1]");
        }

        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("message").asText()).isEqualTo("event=app_line");
        JsonNode context = line.path("context");
        assertThat(context.path("requestId").asText()).isEqualTo("lambda-request-1");
        assertThat(context.path("apiRequestId").asText()).isNotBlank();
        assertThat(context.path("connectionId").asText()).isEqualTo(id);
        assertThat(context.path("socketId").asText()).isEqualTo(socketId);
        assertThat(context.path("tenant").asText()).isEqualTo(routes.config.defaultTenant());
        // The route's fields are gone once it returned.
        assertThat(LogContext.isEmpty()).isTrue();
    }
}
