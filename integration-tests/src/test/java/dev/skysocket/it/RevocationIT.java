package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.local.LocalRunner;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Revoking a user with the real socket.io-client: the example app's {@code /admin} {@code revoke} closes every
 * connection of the user (its sockets see a server-side disconnect), a new connection of the user is refused with
 * {@code connect_error} "revoked", and another user of the tenant is not touched, on both paths: the user has two
 * connections on the API Gateway emulator and two on the fallback gateway, and the admin revokes from the API
 * Gateway path, so the fallback sessions are closed through their node's private Management API. Identities come
 * from the JWT authorizer (keys served on loopback), which both paths run, as deployed.
 */
@Timeout(120)
class RevocationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JwtKeys keys;
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() throws Exception {
        TestStack.assumeLocal("the JWT authorizer with test keys");
        keys = new JwtKeys();
        runner = TestStack.start(keys.settings());
    }

    @AfterAll
    static void stopStack() {
        TestStack.close(runner, keys);
    }

    @Test
    void aRevokedUserIsDisconnectedEverywhereAndRefusedWhileAnotherUserStays() {
        ObjectNode identities = JSON.createObjectNode();
        for (String path : new String[] {"apigw", "gateway"}) {
            ObjectNode clients = identities.putObject(path);
            for (String user : new String[] {"alice", "bob", "admin"}) {
                clients.putObject(user).putObject("query").put("token", JwtKeys.token("acme", user));
            }
        }

        JsonNode seen = NodeScenario.of("revoke.mjs", runner.websocketUrl(), TestStack.path(runner),
                        runner.gatewayUrl())
                .withEnv("SKYSOCKET_IDENTITIES", identities.toString())
                .timeout(Duration.ofSeconds(60)).run().succeeded();

        assertThat(seen.path("revoked").get(0).asText()).isEqualTo("alice");
        assertThat(seen.path("alice")).hasSize(4).allSatisfy(socket -> {
            assertThat(socket.path("reason").asText()).as("a server-side close")
                    .isIn("io server disconnect", "transport close");
            assertThat(socket.path("engine").asText()).isEqualTo("closed");
            assertThat(socket.path("afterMs").asLong()).as("within the revocation's bound").isLessThan(5_000);
        });
        assertThat(seen.path("alice").findValuesAsText("on")).containsExactly("apigw", "apigw", "gateway", "gateway");
        for (String path : new String[] {"apigw", "gateway"}) {
            assertThat(seen.path("again").path(path).path("message").asText()).as(path).isEqualTo("revoked");
            assertThat(seen.path("bobAgain").path(path).asBoolean()).as(path).isTrue();
        }
        assertThat(seen.path("bobConnected")).hasSize(2)
                .allSatisfy(bob -> assertThat(bob.path("connected").asBoolean()).isTrue());
        assertThat(runner.gateway().node().context().revocations().revokedUntil("acme", "alice")).isPresent();
        assertThat(runner.gateway().node().context().revocations().revokedUntil("other", "alice")).isEmpty();
    }
}
