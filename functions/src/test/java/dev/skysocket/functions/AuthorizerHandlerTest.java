package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.auth.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code authorizer} function, sent the REQUEST authorizer event API Gateway sends before {@code $connect},
 * with tokens signed by a key the issuer publishes on loopback.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Authorizer.class)
class AuthorizerHandlerTest {
    private static final String METHOD_ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/dev/$connect";

    @Test
    void aValidTokenIsAllowedOnTheConnectRouteAsItsTenantAndUser() {
        var answer = authorize(Map.of("EIO", "4", "transport", "websocket",
                "token", Tokens.sign(Tokens.RSA, Tokens.claims())));

        assertThat(effect(answer)).isEqualTo("Allow");
        assertThat(answer.at("/policyDocument/Statement/0/Action").asText()).isEqualTo("execute-api:Invoke");
        assertThat(answer.at("/policyDocument/Statement/0/Resource").asText()).isEqualTo(METHOD_ARN);
        assertThat(answer.path("principalId").asText()).isEqualTo("alice");
        assertThat(answer.at("/context/tenant").asText()).isEqualTo("acme");
        assertThat(answer.at("/context/user").asText()).isEqualTo("alice");
    }

    @Test
    void noTokenIsDenied() {
        var answer = authorize(Map.of("EIO", "4", "transport", "websocket"));

        assertThat(effect(answer)).isEqualTo("Deny");
        assertThat(answer.path("context").has("tenant")).isFalse();
    }

    @Test
    void anExpiredTokenIsDenied() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = Tokens.sign(Tokens.RSA, Tokens.claims()
                .issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)));

        var answer = authorize(Map.of("EIO", "4", "transport", "websocket", "token", expired));

        assertThat(effect(answer)).isEqualTo("Deny");
        assertThat(answer.path("context").has("user")).isFalse();
    }

    private static JsonNode authorize(Map<String, String> query) {
        return FunctionInvoker.invoke(WebSocketEvents.authorizer(WebSocketEvents.newConnectionId(), query));
    }

    private static String effect(JsonNode answer) {
        return answer.at("/policyDocument/Statement/0/Effect").asText();
    }
}
