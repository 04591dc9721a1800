package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Connection rotation (DESIGN §3): before a connection reaches its maximum age the heartbeat closes its
 * transport, and the stock client reconnects by itself. The maximum age is shortened to a few seconds here.
 */
@Timeout(90)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: needs a maximum connection age of seconds and direct DynamoDB reads of the local stack")
class RotationIT {
    private static final long MAX_AGE_MS = 4000;
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() {
        Map<String, String> settings = new HashMap<>(TestStack.settings());
        settings.put("skysocket.max-connection-age-ms", Long.toString(MAX_AGE_MS));
        runner = LocalRunner.start(Settings.of(settings));
    }

    @AfterAll
    static void stopStack() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aConnectionPastItsMaximumAgeIsRotatedAndTheClientReconnectsByItself() {
        JsonNode seen = NodeScenario.of("rotate.mjs", runner.websocketUrl(), TestStack.path(runner))
                .timeout(Duration.ofSeconds(60)).run().succeeded();

        assertThat(seen.path("reasons").get(0).asText()).isEqualTo("transport close");
        assertThat(seen.path("second").path("engineId").asText())
                .isNotEqualTo(seen.path("first").path("engineId").asText());
        assertThat(runner.runtime().context().connections().find(seen.path("first").path("engineId").asText()))
                .as("the rotated connection's items").isEmpty();
    }
}
