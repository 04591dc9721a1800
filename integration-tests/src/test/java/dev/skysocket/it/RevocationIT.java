package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.skysocket.auth.JwksServer;
import dev.skysocket.auth.Tokens;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.Member;
import dev.skysocket.store.dynamodb.DynamoSchema;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Revoking a user with the real socket.io-client: the example app's {@code /admin} {@code revoke} closes every
 * connection of the user (its sockets see a server-side disconnect), a new connection of the user is refused with
 * {@code connect_error} "revoked", and another user of the tenant is not touched. Identities on API Gateway come
 * from the JWT authorizer (keys served on loopback), as deployed.
 */
@Timeout(120)
class RevocationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JwksServer jwks;
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() throws Exception {
        TestStack.assumeLocal("the JWT authorizer with test keys");
        jwks = new JwksServer().serve(new JWKSet(Tokens.RSA));
        Map<String, String> settings = new HashMap<>(Map.of(
                "skysocket.jwt-issuer", Tokens.ISSUER,
                "skysocket.jwt-audience", Tokens.AUDIENCE,
                "skysocket.jwt-jwks-url", jwks.url().toString(),
                "skysocket.jwt-tenant-claim", "tenant"));
        runner = TestStack.start(settings);
    }

    @AfterAll
    static void stopStack() {
        if (runner != null) {
            runner.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    @Test
    void aRevokedUserIsDisconnectedEverywhereAndRefusedWhileAnotherUserStays() {
        ObjectNode identities = JSON.createObjectNode();
        ObjectNode apigw = identities.putObject("apigw");
        for (String user : new String[] {"alice", "bob", "admin"}) {
            apigw.putObject(user).putObject("query").put("token", token("acme", user));
        }

        JsonNode seen = NodeScenario.of("revoke.mjs", runner.websocketUrl(), TestStack.path(runner), "-")
                .withEnv("SKYSOCKET_IDENTITIES", identities.toString())
                .timeout(Duration.ofSeconds(60)).run().succeeded();

        assertThat(seen.path("revoked").get(0).asText()).isEqualTo("alice");
        assertThat(seen.path("alice")).hasSize(2).allSatisfy(socket -> {
            assertThat(socket.path("reason").asText()).as("a server-side close")
                    .isIn("io server disconnect", "transport close");
            assertThat(socket.path("engine").asText()).isEqualTo("closed");
            assertThat(socket.path("afterMs").asLong()).as("within the revocation's bound").isLessThan(5_000);
        });
        assertThat(seen.path("again").path("apigw").path("message").asText()).isEqualTo("revoked");
        assertThat(seen.path("bobConnected")).allSatisfy(bob -> assertThat(bob.path("connected").asBoolean()).isTrue());
        assertThat(seen.path("bobAgain").path("apigw").asBoolean()).isTrue();
        assertThat(runner.gateway().node().context().revocations().revokedUntil("acme", "alice")).isPresent();
        assertThat(runner.gateway().node().context().revocations().revokedUntil("other", "alice")).isEmpty();
    }

    /**
     * A fallback session is closed by its gateway node when its user is revoked from a backend's emitter. The
     * fallback gateway gives sessions no identity of their own yet, so the test writes one onto the stored
     * connection item, as a gateway identity would store it (user and user index key).
     */
    @Test
    void aRevokedUsersFallbackSessionIsClosedByItsNode() throws Exception {
        Socket fallback = IO.socket(URI.create(runner.gatewayUrl() + "/"),
                IO.Options.builder().setReconnection(false).setForceNew(true).build());
        try {
            CompletableFuture<Void> connected = new CompletableFuture<>();
            CompletableFuture<String> disconnected = new CompletableFuture<>();
            fallback.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
            fallback.once(Socket.EVENT_DISCONNECT, args -> disconnected.complete(String.valueOf(args[0])));
            fallback.connect();
            connected.get(15, TimeUnit.SECONDS);
            String tenant = runner.gateway().node().context().config().defaultTenant();
            Member member = runner.gateway().node().context().rooms().members(tenant, "/", fallback.id())
                    .iterator().next();
            runner.dynamo().updateItem(r -> r.tableName(runner.gateway().node().context().config().tableName())
                    .key(DynamoSchema.connectionKey(member.connectionId()))
                    .updateExpression("SET #user = :user, #key = :key")
                    .expressionAttributeNames(Map.of("#user", DynamoSchema.USER, "#key", DynamoSchema.USER_KEY))
                    .expressionAttributeValues(Map.of(":user", AttributeValue.fromS("frank"),
                            ":key", AttributeValue.fromS(DynamoSchema.userKey(tenant, "frank")))));

            long started = System.nanoTime();
            int closed = runner.runtime().emitter(tenant).revoke("frank", Duration.ofMinutes(5));

            assertThat(closed).isEqualTo(1);
            assertThat(disconnected.get(5, TimeUnit.SECONDS)).as("a server-side close")
                    .isIn("io server disconnect", "transport close");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> runner.gateway().node().context().connections()
                    .find(member.connectionId()).isEmpty());
        } finally {
            fallback.close();
        }
    }

    private static String token(String tenant, String user) {
        return Tokens.sign(Tokens.RSA, Tokens.claims().subject(user).claim("tenant", tenant)
                .expirationTime(Date.from(Instant.now().plusSeconds(300))));
    }
}
