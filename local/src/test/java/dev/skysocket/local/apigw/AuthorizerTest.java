package dev.skysocket.local.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import dev.skysocket.apigw.Identity;
import dev.skysocket.apigw.IdentityResolver;
import dev.skysocket.auth.JwksServer;
import dev.skysocket.auth.Tokens;
import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code $connect} Lambda authorizer the local stack wires (JWT, from the {@code skysocket.jwt-*} settings),
 * with tokens signed by a key the issuer publishes on loopback: it runs before {@code $connect} and refuses the
 * upgrade as API Gateway does, and what it allowed reaches every event of the connection.
 */
class AuthorizerTest {
    private static final ObjectMapper LAMBDA_MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final RecordingIntegration integration = new RecordingIntegration();
    private JwksServer jwks;
    private ApiGatewayEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer().serve(new JWKSet(Tokens.RSA));
        Settings settings = Settings.of(Map.of(
                "skysocket.jwt-issuer", Tokens.ISSUER,
                "skysocket.jwt-audience", Tokens.AUDIENCE,
                "skysocket.jwt-jwks-url", jwks.url().toString(),
                "skysocket.jwt-tenant-claim", "tenant"));
        emulator = new ApiGatewayEmulator(EmulatorFixture.settings(), integration, LocalRunner.authorizer(settings));
        emulator.start();
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    @Test
    void aValidTokenConnectsAndEveryEventCarriesTheTenantAndUser() throws Exception {
        TestClient client = TestClient.connect(url(Tokens.sign(Tokens.RSA, Tokens.claims())));

        JsonNode connect = integration.calls("$connect").get(0).event();
        JsonNode authorizer = connect.at("/requestContext/authorizer");
        assertThat(authorizer.path("tenant").asText()).isEqualTo("acme");
        assertThat(authorizer.path("user").asText()).isEqualTo("alice");
        assertThat(authorizer.path("principalId").asText()).isEqualTo("alice");
        assertThat(authorizer.path("integrationLatency").isNumber()).isTrue();
        // What the connect route makes of it: the identity the connection is stored under.
        APIGatewayV2WebSocketEvent typed = LAMBDA_MAPPER.treeToValue(connect, APIGatewayV2WebSocketEvent.class);
        assertThat(new IdentityResolver("default").resolve(typed)).isEqualTo(new Identity("acme", "alice"));

        client.send("hello");
        await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);
        assertThat(integration.calls("$default").get(0).event().at("/requestContext/authorizer/tenant").asText())
                .isEqualTo("acme");
        assertThat(emulator.stats().authorizerInvocations()).isEqualTo(1);
        client.close(1000, "");
    }

    @Test
    void noTokenIsRefusedWith401WithoutCallingTheAuthorizerOrConnect() {
        assertThat(TestClient.refusedStatus(emulator.websocketUrl() + "?EIO=4&transport=websocket")).isEqualTo(401);
        assertThat(TestClient.refusedStatus(emulator.websocketUrl() + "?EIO=4&transport=websocket&token="))
                .isEqualTo(401);

        assertThat(emulator.stats().authorizerInvocations()).isZero();
        assertThat(integration.calls()).isEmpty();
    }

    @Test
    void aBadOrExpiredTokenIsRefusedWith403AndConnectIsNeverInvoked() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = Tokens.sign(Tokens.RSA, Tokens.claims()
                .issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)));

        assertThat(TestClient.refusedStatus(url(Tokens.sign(Tokens.IMPOSTOR, Tokens.claims())))).isEqualTo(403);
        assertThat(TestClient.refusedStatus(url("not-a-token"))).isEqualTo(403);
        assertThat(TestClient.refusedStatus(url(expired))).isEqualTo(403);

        assertThat(emulator.stats().authorizerInvocations()).isEqualTo(3);
        assertThat(emulator.stats().connectsRefused()).isEqualTo(3);
        assertThat(integration.calls()).isEmpty();
    }

    @Test
    void anAuthorizerThatFailsOrAnswersNonsenseRefusesWith500() {
        emulator.close();
        emulator = new ApiGatewayEmulator(EmulatorFixture.settings(), integration, new AuthorizerSettings(event -> {
            throw new IllegalStateException("boom");
        }, List.of()));
        emulator.start();
        assertThat(TestClient.refusedStatus(emulator.websocketUrl())).isEqualTo(500);

        emulator.close();
        emulator = new ApiGatewayEmulator(EmulatorFixture.settings(), integration,
                new AuthorizerSettings(event -> "{\"principalId\":\"x\"}", List.of()));
        emulator.start();
        assertThat(TestClient.refusedStatus(emulator.websocketUrl())).isEqualTo(500);
        assertThat(integration.calls()).isEmpty();
    }

    @Test
    void withoutAnIssuerNoAuthorizerRunsAndEventsCarryNoAuthorizerContext() {
        assertThat(LocalRunner.authorizer(Settings.of(Map.of()))).isNull();
        emulator.close();
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);

        TestClient client = TestClient.connect(emulator.websocketUrl());

        assertThat(integration.calls("$connect").get(0).event().path("requestContext").has("authorizer")).isFalse();
        client.close(1000, "");
    }

    private String url(String token) {
        return emulator.websocketUrl() + "?EIO=4&transport=websocket&token=" + token;
    }
}
