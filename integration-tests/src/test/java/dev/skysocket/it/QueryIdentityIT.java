package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.local.LocalRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local stack's query identity ({@code skysocket.local-query-identity}, on by default there) with the stock
 * socket.io-client under Node, on both paths: {@code ?user=alice&tenant=acme} is who the example app's
 * {@code whoami} sees; without {@code tenant} the connection is in the default tenant, without {@code user} it
 * is anonymous.
 */
@Timeout(120)
class QueryIdentityIT {
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() {
        TestStack.assumeLocal("the query identity, which only the local stack turns on");
        runner = TestStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (runner != null) {
            runner.close();
        }
    }

    private static JsonNode whoami(String path, String queryJson) {
        NodeScenario scenario = TestStack.scenarioOn(path, "identity.mjs", runner);
        JsonNode seen = scenario.withEnv("SKYSOCKET_QUERY", queryJson).run().succeeded();
        assertThat(seen.path("connected").asBoolean()).as("connected: %s", seen).isTrue();
        return seen.path("me");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apigw", "fallback"})
    void theQueryNamesTheUserAndTenant(String path) {
        JsonNode me = whoami(path, "{\"user\":\"alice\",\"tenant\":\"acme\"}");

        assertThat(me.path("user").asText()).isEqualTo("alice");
        assertThat(me.path("tenant").asText()).isEqualTo("acme");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apigw", "fallback"})
    void withoutTenantTheDefaultTenantWithoutUserAnonymous(String path) {
        JsonNode userOnly = whoami(path, "{\"user\":\"bob\"}");
        assertThat(userOnly.path("user").asText()).isEqualTo("bob");
        assertThat(userOnly.path("tenant").asText()).isEqualTo("default");

        JsonNode tenantOnly = whoami(path, "{\"tenant\":\"acme\"}");
        assertThat(tenantOnly.path("user").isNull()).as("anonymous: %s", tenantOnly).isTrue();
        assertThat(tenantOnly.path("tenant").asText()).isEqualTo("acme");
    }
}
