package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.local.LocalRunner;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant quotas with the stock socket.io-client under Node, on both paths of the local stack (tenants from the
 * local query identity): a tenant at its connection quota is refused with {@code connect_error} "tenant connection
 * quota" while another tenant connects, and gets in again once one of its clients has left; a join past the
 * rooms-per-socket quota is answered with an error and the socket stays connected.
 */
@Timeout(180)
class TenantQuotaIT {
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() {
        TestStack.assumeLocal("the query identity and quota settings of the local stack");
        runner = TestStack.start(Map.of(
                "skysocket.tenant-max-connections-by-tenant", "acme-apigw=2,acme-fallback=2",
                "skysocket.max-rooms-per-socket", "3"));
    }

    @AfterAll
    static void stopStack() {
        TestStack.close(runner);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apigw", "fallback"})
    void aTenantAtItsQuotaIsRefusedWithTheReasonWhileAnotherConnects(String path) {
        NodeScenario scenario = TestStack.scenarioOn(path, "quota.mjs", runner);
        JsonNode seen = scenario.withEnv("SKYSOCKET_TENANT", "acme-" + path).timeout(java.time.Duration.ofSeconds(90))
                .run().succeeded();

        assertThat(seen.path("third").path("connected").asBoolean()).as("%s", seen).isFalse();
        assertThat(seen.path("third").path("message").asText()).isEqualTo("tenant connection quota");
        assertThat(seen.path("beta").path("connected").asBoolean()).as("another tenant: %s", seen).isTrue();
        assertThat(seen.path("acmeAgain").asBoolean()).as("after one left: %s", seen).isTrue();

        JsonNode joins = seen.path("joins");
        assertThat(joins.get(0).asText()).isEqualTo("r1");
        assertThat(joins.get(2).asText()).isEqualTo("r3");
        assertThat(joins.get(3).path("error").asText()).contains("room quota");
        assertThat(seen.path("echoed").asText()).isEqualTo("still here");
        assertThat(seen.path("betaStillConnected").asBoolean()).isTrue();
    }
}
