package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.local.LocalRunner;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tenant events-per-second quota with the stock socket.io-client under Node, on both paths of the local stack
 * (tenants from the local query identity): a tenant sending 100 events at once past a quota of 5 a second gets some
 * answered and the rest refused with the quota's error (an error ack, or an {@code error} event for an event without
 * a callback) and stays connected, while another tenant's events are all answered; in the next second the tenant is
 * admitted again. Counts and states only, no timings.
 */
@Timeout(300)
class TenantEventQuotaIT {
    private static final System.Logger LOG = System.getLogger(TenantEventQuotaIT.class.getName());
    // Small, so that even a slow machine handles the flood faster than the quota admits and some are refused.
    private static final int QUOTA = 5;
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() {
        TestStack.assumeLocal("the query identity and quota settings of the local stack");
        // Rate limits far above the flood, so that only the quota refuses; heartbeats slower than the suite's, so
        // that pongs queued behind the flood's invocations on a busy host do not end the connection.
        runner = TestStack.start(Map.of(
                "skysocket.tenant-events-per-second", Integer.toString(QUOTA),
                "skysocket.rate-limit-burst", "10000",
                "skysocket.rate-limit-per-second", "10000",
                "skysocket.ping-interval-ms", "5000",
                "skysocket.ping-timeout-ms", "20000"));
    }

    @AfterAll
    static void stopStack() {
        TestStack.close(runner);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apigw", "fallback"})
    void aTenantOverItsQuotaIsRefusedAndStaysWhileAnotherIsAnswered(String path) {
        NodeScenario scenario = TestStack.scenarioOn(path, "event-quota.mjs", runner);
        JsonNode seen;
        try (NodeScenario.Running running = scenario.withEnv("SKYSOCKET_TENANT_TAG", path)
                .timeout(Duration.ofSeconds(180)).start()) {
            running.awaitCheckpoint("refused");
            // The quota counts per second of the server's clock (the same clock, in this process): once it has
            // passed the second of the last refusal, the tenant's count starts again.
            long refusedBy = System.currentTimeMillis() / 1000;
            await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> System.currentTimeMillis() / 1000 > refusedBy);
            running.resume();
            seen = running.await().succeeded();
        }
        LOG.log(Level.INFO, "event=tenant_event_quota path={0} seen={1}", path, seen);

        JsonNode acked = seen.path("acked");
        assertThat(acked.path("answered").asInt() + acked.path("refused").asInt())
                .as("every acked event answered or refused: %s", seen).isEqualTo(100);
        assertThat(acked.path("refused").asInt()).as("refused: %s", seen).isPositive();
        assertThat(acked.path("answered").asInt()).as("admitted: %s", seen).isPositive();
        assertThat(acked.path("refusal").path("error").asText()).isEqualTo("tenant quota exceeded");
        assertThat(acked.path("refusal").path("retryAfterMs").asInt()).isEqualTo(1000);
        assertThat(acked.path("calmAnswered").asInt()).as("the other tenant: %s", seen).isEqualTo(3);

        JsonNode unacked = seen.path("unacked");
        assertThat(unacked.path("echoed").asInt() + unacked.path("errors").asInt())
                .as("every event without a callback echoed or refused: %s", seen).isEqualTo(100);
        assertThat(unacked.path("errors").asInt()).as("error events: %s", seen).isPositive();
        assertThat(unacked.path("other").asInt()).as("error events of another kind: %s", seen).isZero();
        assertThat(unacked.path("error").path("error").asText()).isEqualTo("tenant quota exceeded");
        assertThat(unacked.path("error").path("retryAfterMs").asInt()).isEqualTo(1000);

        assertThat(seen.path("connectedAfterFlood").asBoolean()).as("%s", seen).isTrue();
        assertThat(seen.path("again").asText()).as("admitted in the next second: %s", seen).isEqualTo("again");
        assertThat(seen.path("calmAgain").asText()).isEqualTo("calm again");
        assertThat(seen.path("flooderConnected").asBoolean()).isTrue();
        assertThat(seen.path("calmConnected").asBoolean()).isTrue();
        assertThat(seen.path("disconnects").asInt()).as("the flooder never lost its connection: %s", seen).isZero();
    }
}
