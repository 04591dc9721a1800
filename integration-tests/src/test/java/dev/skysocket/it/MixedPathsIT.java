package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One room, two paths: a client on the API Gateway emulator (Lambda code path) and a polling client on the
 * fallback gateway share the DynamoDB table, so a room's fan-out reaches each through its own Management API.
 */
@Timeout(120)
class MixedPathsIT {
    private static TestStack.Target target;

    @BeforeAll
    static void startStack() {
        target = TestStack.target();
    }

    @AfterAll
    static void stopStack() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aRoomSpansAnApiGatewayClientAndAPollingGatewayClient() {
        JsonNode seen = NodeScenario.of("mixed.mjs", target.websocketUrl(), target.path(),
                target.requireGatewayUrl()).run().succeeded();

        assertThat(seen.path("transports").path("a").asText()).isEqualTo("websocket");
        assertThat(seen.path("transports").path("b").asText()).isEqualTo("polling");
        JsonNode heard = seen.path("heard");
        assertThat(heard.path("a")).as("the API Gateway client hears the gateway client").hasSize(1);
        assertThat(heard.path("a").get(0).get(0).path("msg").asText()).isEqualTo("from the gateway");
        assertThat(heard.path("a").get(0).get(0).path("from").asText()).isEqualTo(seen.path("ids").path("b").asText());
        assertThat(heard.path("b")).as("the gateway client hears the API Gateway client").hasSize(1);
        assertThat(heard.path("b").get(0).get(0).path("msg").asText()).isEqualTo("from api gateway");
        assertThat(heard.path("b").get(0).get(0).path("from").asText()).isEqualTo(seen.path("ids").path("a").asText());
    }
}
