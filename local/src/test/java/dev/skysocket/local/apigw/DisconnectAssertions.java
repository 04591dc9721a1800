package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waits for a connection's {@code $disconnect} and checks the status and reason it reports. */
final class DisconnectAssertions {

    private DisconnectAssertions() {
    }

    static JsonNode awaitDisconnect(RecordingIntegration integration, String connectionId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !integration.calls("$disconnect", connectionId).isEmpty());
        return integration.calls("$disconnect", connectionId).get(0).event();
    }

    static void assertDisconnect(JsonNode event, int statusCode, String reason) {
        JsonNode context = event.get("requestContext");
        assertThat(context.get("routeKey").asText()).isEqualTo("$disconnect");
        assertThat(context.get("eventType").asText()).isEqualTo("DISCONNECT");
        assertThat(context.get("disconnectStatusCode").asInt()).isEqualTo(statusCode);
        assertThat(context.get("disconnectReason").asText()).isEqualTo(reason);
    }

    /** Call after the emulator has closed, when every $disconnect has run: the route ran exactly once. */
    static void assertDisconnectedOnce(RecordingIntegration integration, String connectionId) {
        assertThat(integration.calls("$disconnect", connectionId)).hasSize(1);
    }
}
