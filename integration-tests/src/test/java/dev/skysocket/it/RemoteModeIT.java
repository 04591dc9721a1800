package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.opentest4j.TestAbortedException;

/**
 * The suite's remote mode, checked against a stand-in deployment: a stack started on its own (stage
 * {@code prod}, its own admin token, default heartbeat) that the tests reach only through the URLs and token a
 * user would pass as {@code -Dskysocket.it.*}. Client scenarios pass through that path; local-only parts skip.
 */
@Timeout(120)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: needs a stand-in deployment of its own of the local stack")
class RemoteModeIT {
    // The example app keeps the first token it is given in this JVM: the other ITs' token, passed here only
    // through the remote settings.
    private static final String TOKEN = TestStack.ADMIN_TOKEN;
    private static LocalRunner deployment;
    private static TestStack.Target target;

    @BeforeAll
    static void startAStandInDeployment() {
        Map<String, String> settings = new HashMap<>(TestStack.settings());
        settings.put("skysocket.stage", "prod");
        settings.remove("skysocket.ping-interval-ms");
        settings.remove("skysocket.ping-timeout-ms");
        deployment = LocalRunner.start(Settings.of(settings));
        Map<String, String> properties = Map.of(
                RemoteStack.WSS_URL, deployment.websocketUrl() + "/prod",
                RemoteStack.FALLBACK_URL, deployment.gatewayUrl() + "/",
                RemoteStack.ADMIN_TOKEN, TOKEN);
        target = TestStack.Target.remote(RemoteStack.from(properties::get).orElseThrow());
    }

    @AfterAll
    static void stopIt() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void theRemoteTargetHasNoLocalStackAndSkipsWhatNeedsOne() {
        assertThat(target.isLocal()).isFalse();
        assertThat(target.path()).isEqualTo("/prod");
        assertThatThrownBy(() -> target.localStack("direct DynamoDB reads"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("needs direct DynamoDB reads of the local stack");
    }

    @Test
    void theStockClientConnectsAndGetsItsAckThroughTheRemotePath() {
        JsonNode seen;
        try (NodeScenario.Running running = NodeScenario.of("connect.mjs", target.websocketUrl(), target.path())
                .start()) {
            running.awaitCheckpoint("connected");
            running.resume();
            seen = running.await().succeeded();
        }

        assertThat(seen.path("transport").asText()).isEqualTo("websocket");
        assertThat(seen.path("handshake").path("pingInterval").asLong()).as("the stand-in's own heartbeat")
                .isNotEqualTo(TestStack.PING_INTERVAL_MS);
        assertThat(seen.path("echoed").get(0).asText()).isEqualTo("after connect");
    }

    @Test
    void adminTakesTheDeploymentsTokenAndAMixedRoomSpansBothPaths() {
        JsonNode admin = NodeScenario.of("admin.mjs", target.websocketUrl(), target.path())
                .withEnv("SKYSOCKET_ADMIN_TOKEN", target.requireAdminToken()).run().succeeded();
        assertThat(admin.path("echoed").get(0).asText()).isEqualTo("from admin");

        JsonNode mixed = NodeScenario.of("mixed.mjs", target.websocketUrl(), target.path(),
                target.requireGatewayUrl()).run().succeeded();
        assertThat(mixed.path("heard").path("a")).hasSize(1);
        assertThat(mixed.path("heard").path("b")).hasSize(1);
    }
}
