package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.local.LocalRunner;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-connection rate limit with the stock socket.io-client under Node, on the local stack with its default
 * limits (burst 500, 100 per second): one client emits 10,000 acked events within one second and is cut off after
 * a small part of them, while three others keep sending acked echoes and are all answered. Their ack latencies
 * before and during the flood are printed for comparison, not asserted (no timing targets in tests).
 */
@Timeout(180)
class RateLimitIT {
    private static final System.Logger LOG = System.getLogger(RateLimitIT.class.getName());
    private static final int FLOOD = 10_000;
    private LocalRunner stack;

    /** A stack per test: what one path's flood leaves for its workers must not weigh on the other's figures. */
    @BeforeEach
    void start() {
        TestStack.assumeLocal("the default inbound limits");
        // Heartbeats slower than the suite's: on the emulator every invocation shares the machine's cores and one
        // DynamoDB Local (on AWS each frame is its own Lambda invocation), so the other clients' pongs are slowed by
        // the flood's admitted burst, and this test measures their acks, not the heartbeat.
        // The emulator's invocation backlog stands for AWS's account throttle (10,000 requests a second, shared by
        // every API of the account): 10,000 frames in a second from one client fill it before the per-connection
        // limit has run for most of them (they wait in the flooder's own lane until the ones before them have been
        // handled), and then every client's frames are refused. Raised here, so that what cuts the flooder off is
        // the rate limit under test, not the throttle.
        stack = TestStack.start(Map.of("skysocket.ping-interval-ms", "5000", "skysocket.ping-timeout-ms", "10000",
                "skysocket.apigw-invocation-backlog", "50000"));
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aFloodingClientOfTheEmulatorIsCutOffAndTheOthersAreStillAnswered() {
        JsonNode seen = NodeScenario.of("rate-limit.mjs", stack.websocketUrl(), TestStack.path(stack))
                .timeout(Duration.ofSeconds(90)).run().succeeded();
        check("apigw", seen);
    }

    @Test
    void aFloodingClientOfTheFallbackGatewayIsCutOffAndTheOthersAreStillAnswered() {
        JsonNode seen = NodeScenario.of("rate-limit.mjs", stack.gatewayUrl()).clientSetup("websocket")
                .timeout(Duration.ofSeconds(90)).run().succeeded();
        check("gateway", seen);
    }

    private static void check(String path, JsonNode seen) {
        LOG.log(Level.INFO, "event=rate_limit_flood path={0} emitted={1} flood_ms={2} answered={3} reason={4} "
                        + "cut_off_ms={5} baseline={6} during={7} baseline_failures={8} during_failures={9}", path,
                seen.path("emitted"), seen.path("floodMs"), seen.path("answered"), seen.path("reason"),
                seen.path("cutOffMs"), seen.path("baseline"), seen.path("during"), seen.path("baselineFailures"),
                seen.path("duringFailures"));
        assertThat(seen.path("emitted").asInt()).isEqualTo(FLOOD);
        assertThat(seen.path("disconnected").asBoolean()).as("the flooder was disconnected").isTrue();
        // At most the burst plus a second's refill, against 10,000. Fewer may be answered: events admitted but still
        // queued behind the session's earlier ones when the connection closed get no answer.
        assertThat(seen.path("answered").asInt()).as("flood events answered").isLessThan(FLOOD / 10);
        assertThat(seen.path("othersConnected").asBoolean()).as("the other clients stayed connected").isTrue();
        assertThat(seen.path("baselineFailures").asInt()).isZero();
        assertThat(seen.path("duringFailures").asInt()).as("other clients' echoes left unanswered").isZero();
        assertThat(seen.path("during").path("count").asInt()).as("other clients' echoes during the flood").isPositive();
    }
}
