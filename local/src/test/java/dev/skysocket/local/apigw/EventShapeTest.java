package dev.skysocket.local.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's events have the same keys as AWS's example events (fixtures under {@code aws-events/}) and read
 * into the Java Lambda library's {@link APIGatewayV2WebSocketEvent} as a handler would read them.
 */
class EventShapeTest {

    /** Objects whose keys are data (header and parameter names), not structure. */
    private static final Set<String> MAPS =
            Set.of("headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters");
    private static final ObjectMapper LAMBDA_MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final WebSocketEvents events = new WebSocketEvents("abcde12345", "prod", "127.0.0.1:3001");
    private final ConnectionContext connection = new ConnectionContext("Q29ubmVjdGlvbjE=", 1_772_525_730_120L,
            "127.0.0.1", "ExampleBrowser/1.0",
            List.of(Map.entry("Host", "127.0.0.1:3001"), Map.entry("Origin", "http://localhost:8080"),
                    Map.entry("User-Agent", "ExampleBrowser/1.0"), Map.entry("X-Forwarded-Proto", "http")),
            "EIO=4&transport=websocket");

    @Test
    void theConnectEventHasTheKeysOfAwssConnectEvent() throws IOException {
        String event = events.connect(connection, 1_772_525_730_121L, "Qm9vdHN0cmFwMDE=");

        assertThat(paths(read(event))).isEqualTo(paths(fixture("websocket-connect.json")));
    }

    @Test
    void theMessageEventHasTheKeysOfAwssMessageEvent() throws IOException {
        String event = events.message(connection, "42[\"chat\",\"hello\"]", 1_772_525_731_500L,
                "TWVzc2FnZTAwMDE=", "UmVxdWVzdDAwMDI=");

        assertThat(paths(read(event))).isEqualTo(paths(fixture("websocket-message.json")));
    }

    @Test
    void theDisconnectEventHasTheKeysAndTheFixedHeadersOfAwssDisconnectEvent() throws IOException {
        JsonNode event = read(events.disconnect(connection, 1001, "Going away", 1_772_526_331_600L, "RGlzY29ubmVjdDM="));
        JsonNode expected = fixture("websocket-disconnect.json");

        assertThat(paths(event)).isEqualTo(paths(expected));
        assertThat(fieldNames(event.get("headers"))).isEqualTo(fieldNames(expected.get("headers")));
        assertThat(fieldNames(event.get("multiValueHeaders"))).isEqualTo(fieldNames(expected.get("multiValueHeaders")));
    }

    @Test
    void eventsReadIntoTheLambdaLibrarysWebSocketEvent() throws IOException {
        APIGatewayV2WebSocketEvent connect = LAMBDA_MAPPER.readValue(
                events.connect(connection, 1_772_525_730_121L, "Qm9vdHN0cmFwMDE="), APIGatewayV2WebSocketEvent.class);
        APIGatewayV2WebSocketEvent message = LAMBDA_MAPPER.readValue(events.message(connection, "40",
                1_772_525_731_500L, "TWVzc2FnZTAwMDE=", "UmVxdWVzdDAwMDI="), APIGatewayV2WebSocketEvent.class);
        APIGatewayV2WebSocketEvent disconnect = LAMBDA_MAPPER.readValue(events.disconnect(connection, 1000,
                "Connection Closed Normally", 1_772_526_331_600L, "RGlzY29ubmVjdDM="), APIGatewayV2WebSocketEvent.class);

        assertThat(connect.getRequestContext().getRouteKey()).isEqualTo("$connect");
        assertThat(connect.getRequestContext().getEventType()).isEqualTo("CONNECT");
        assertThat(connect.getRequestContext().getConnectionId()).isEqualTo("Q29ubmVjdGlvbjE=");
        assertThat(connect.getRequestContext().getDomainName()).isEqualTo("127.0.0.1:3001");
        assertThat(connect.getRequestContext().getStage()).isEqualTo("prod");
        assertThat(connect.getRequestContext().getApiId()).isEqualTo("abcde12345");
        assertThat(connect.getRequestContext().getConnectedAt()).isEqualTo(1_772_525_730_120L);
        assertThat(connect.getRequestContext().getRequestTimeEpoch()).isEqualTo(1_772_525_730_121L);
        assertThat(connect.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(connect.getRequestContext().getIdentity().getUserAgent()).isEqualTo("ExampleBrowser/1.0");
        assertThat(connect.getHeaders()).containsEntry("Origin", "http://localhost:8080");
        assertThat(connect.getMultiValueHeaders()).containsEntry("Origin", List.of("http://localhost:8080"));
        assertThat(connect.getQueryStringParameters()).containsEntry("EIO", "4").containsEntry("transport", "websocket");
        assertThat(connect.getBody()).isNull();
        assertThat(connect.isIsBase64Encoded()).isFalse();

        assertThat(message.getRequestContext().getRouteKey()).isEqualTo("$default");
        assertThat(message.getRequestContext().getEventType()).isEqualTo("MESSAGE");
        assertThat(message.getRequestContext().getMessageId()).isEqualTo("TWVzc2FnZTAwMDE=");
        assertThat(message.getRequestContext().getRequestId()).isEqualTo("UmVxdWVzdDAwMDI=");
        assertThat(message.getBody()).isEqualTo("40");
        assertThat(message.isIsBase64Encoded()).isFalse();
        assertThat(message.getHeaders()).isNull();

        assertThat(disconnect.getRequestContext().getRouteKey()).isEqualTo("$disconnect");
        assertThat(disconnect.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
        assertThat(disconnect.getHeaders()).containsEntry("Host", "127.0.0.1:3001");
    }

    @Test
    void theFixturesThemselvesReadIntoTheLambdaLibrarysWebSocketEvent() throws IOException {
        for (String name : List.of("websocket-connect.json", "websocket-message.json", "websocket-disconnect.json")) {
            APIGatewayV2WebSocketEvent event =
                    LAMBDA_MAPPER.treeToValue(fixture(name), APIGatewayV2WebSocketEvent.class);
            assertThat(event.getRequestContext().getConnectionId()).isEqualTo("Q29ubmVjdGlvbjE=");
        }
    }

    @Test
    void requestTimeUsesApiGatewaysFormat() {
        assertThat(WebSocketEvents.REQUEST_TIME.format(java.time.Instant.parse("2026-11-21T10:00:00Z")))
                .isEqualTo("21/Nov/2026:10:00:00 +0000");
    }

    private static Set<String> paths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + "/" + field.getKey();
            paths.add(path);
            if (field.getValue().isObject() && !MAPS.contains(field.getKey())) {
                collect(field.getValue(), path, paths);
            }
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) throws IOException {
        return LAMBDA_MAPPER.readTree(json);
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = EventShapeTest.class.getResourceAsStream("/aws-events/" + name)) {
            assertThat(in).as(name).isNotNull();
            return LAMBDA_MAPPER.readTree(in);
        }
    }
}
