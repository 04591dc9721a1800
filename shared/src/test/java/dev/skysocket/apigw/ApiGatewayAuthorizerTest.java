package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.api.auth.Authorization;
import dev.skysocket.auth.ReservedTenants;
import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.api.auth.ConnectRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Lambda REQUEST authorizer's JSON in and out, and the identity {@code $connect} reads back from it. */
class ApiGatewayAuthorizerTest {
    private static final String ARN = "arn:aws:execute-api:eu-west-1:123456789012:abcdef123/prod/$connect";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shape API Gateway documents for a WebSocket REQUEST authorizer's input (trimmed). */
    private static Map<String, Object> event() throws Exception {
        return JSON.readValue("""
                {"type": "REQUEST", "methodArn": "%s",
                 "headers": {"Host": "abcdef123.execute-api.eu-west-1.amazonaws.com", "Origin": "https://app.example",
                             "Sec-WebSocket-Version": "13", "Upgrade": "websocket"},
                 "multiValueHeaders": {"Origin": ["https://app.example"]},
                 "queryStringParameters": {"EIO": "4", "transport": "websocket", "token": "t0ken"},
                 "multiValueQueryStringParameters": {"token": ["t0ken"]},
                 "stageVariables": {},
                 "requestContext": {"routeKey": "$connect", "eventType": "CONNECT", "stage": "prod",
                                    "connectionId": "abc=", "connectedAt": 1674162806344,
                                    "identity": {"sourceIp": "192.0.2.10"}, "apiId": "abcdef123"}}
                """.formatted(ARN), Map.class);
    }

    @Test
    void theEventBecomesAConnectRequestWithLowerCaseHeaderNames() throws Exception {
        ConnectRequest request = ApiGatewayAuthorizer.request(event());
        assertThat(request.queryParameter("token")).contains("t0ken");
        assertThat(request.headers()).containsEntry("origin", "https://app.example").containsKey("upgrade");
        assertThat(request.header("Sec-WebSocket-Version")).contains("13");
        assertThat(request.sourceIp()).isEqualTo("192.0.2.10");
    }

    @Test
    void anAllowedUserGetsAnAllowPolicyOnTheMethodArnAndTheIdentityInTheContext() throws Exception {
        AtomicReference<ConnectRequest> seen = new AtomicReference<>();
        var authorizer = new ApiGatewayAuthorizer(request -> {
            seen.set(request);
            return new Authorization.Allowed("acme", "alice", Map.of("plan", "gold"));
        });
        Map<String, Object> answer = authorizer.handle(event());

        assertThat(seen.get().queryParameter("token")).contains("t0ken");
        assertThat(JSON.writeValueAsString(answer)).isEqualTo("{\"principalId\":\"alice\",\"policyDocument\":"
                + "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":\"" + ARN + "\"}]},"
                + "\"context\":{\"plan\":\"gold\",\"tenant\":\"acme\",\"user\":\"alice\"}}");
        assertThat(identityOnConnect(answer)).as("the claims reach $connect with the identity")
                .isEqualTo(new Identity("acme", "alice", Map.of("plan", "gold")));
    }

    @Test
    void anAllowNamesTheCredentialParametersSoConnectDropsThemAndADenyDoesNot() throws Exception {
        ConnectAuthorizer allowing = new ConnectAuthorizer() {
            @Override
            public Authorization authorize(ConnectRequest request) {
                return new Authorization.Allowed("acme", "alice");
            }

            @Override
            public Set<String> credentialParameters() {
                return Set.of("token");
            }
        };
        Map<String, Object> allowed = new ApiGatewayAuthorizer(allowing).handle(event());
        Map<String, Object> denied = new ApiGatewayAuthorizer(new ConnectAuthorizer() {
            @Override
            public Authorization authorize(ConnectRequest request) {
                return new Authorization.Denied("expired");
            }

            @Override
            public Set<String> credentialParameters() {
                return Set.of("token");
            }
        }).handle(event());

        assertThat(allowed.get("context")).isEqualTo(Map.of("tenant", "acme", "user", "alice",
                ApiGatewayAuthorizer.CREDENTIAL_PARAMS, "token"));
        assertThat(denied.get("context")).isEqualTo(Map.of());
    }

    @Test
    void anAnonymousConnectionStaysAnonymousOnConnectThoughApiGatewayRequiresAPrincipal() throws Exception {
        Map<String, Object> answer = new ApiGatewayAuthorizer(request -> new Authorization.Allowed("acme", null))
                .handle(event());
        assertThat(answer).containsEntry("principalId", "acme");
        assertThat(answer.get("context")).isEqualTo(Map.of("tenant", "acme"));
        assertThat(identityOnConnect(answer)).isEqualTo(new Identity("acme", null));
    }

    @Test
    void anAuthorizerThatOnlySetsAPrincipalStillNamesTheUser() {
        assertThat(identityOnConnect(Map.of("principalId", "carol", "context", Map.of())))
                .isEqualTo(new Identity("default", "carol"));
    }

    @Test
    void aDenialGetsADenyPolicyOnTheMethodArn() throws Exception {
        Map<String, Object> answer = new ApiGatewayAuthorizer(request -> new Authorization.Denied("expired"))
                .handle(event());
        assertThat(statement(answer)).containsEntry("Effect", "Deny").containsEntry("Resource", ARN);
        assertThat(answer.get("context")).isEqualTo(Map.of());
    }

    @Test
    void anIdentityInTheGatewaysReservedPrimingTenantIsDenied() throws Exception {
        Map<String, Object> answer = new ApiGatewayAuthorizer(
                request -> new Authorization.Allowed(ReservedTenants.PRIMING, "mallory")).handle(event());
        assertThat(statement(answer)).containsEntry("Effect", "Deny").containsEntry("Resource", ARN);
    }

    @Test
    void anAuthorizerThatThrowsDeniesInsteadOfFailingTheInvocation() throws Exception {
        Map<String, Object> answer = new ApiGatewayAuthorizer(request -> {
            throw new IllegalStateException("boom");
        }).handle(event());
        assertThat(statement(answer)).containsEntry("Effect", "Deny");
    }

    @Test
    void withoutAMethodArnNothingIsAllowed() throws Exception {
        Map<String, Object> event = new HashMap<>(event());
        event.remove("methodArn");
        Map<String, Object> answer = new ApiGatewayAuthorizer(request -> new Authorization.Allowed("acme", "alice"))
                .handle(event);
        assertThat(statement(answer)).containsEntry("Effect", "Deny").containsEntry("Resource", "*");
    }

    @Test
    void aMalformedEventIsReadAsAnEmptyRequestAndDenied() {
        var authorizer = new ApiGatewayAuthorizer(request -> request.query().isEmpty() && request.sourceIp() == null
                ? new Authorization.Denied("missing token") : new Authorization.Allowed("x", "y"));
        Map<String, Object> event = new HashMap<>();
        event.put("methodArn", 42);
        event.put("queryStringParameters", List.of("token"));
        event.put("headers", Map.of("Origin", 7));
        event.put("requestContext", "nope");
        assertThat(statement(authorizer.handle(event))).containsEntry("Effect", "Deny");
        assertThat(statement(authorizer.handle(null))).containsEntry("Effect", "Deny");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statement(Map<String, Object> answer) {
        var policy = (Map<String, Object>) answer.get("policyDocument");
        return ((List<Map<String, Object>>) policy.get("Statement")).get(0);
    }

    /** What {@code $connect} sees: API Gateway puts the context and the principalId in requestContext.authorizer. */
    @SuppressWarnings("unchecked")
    private static Identity identityOnConnect(Map<String, Object> answer) {
        Map<String, Object> authorizer = new HashMap<>((Map<String, Object>) answer.get("context"));
        authorizer.put("principalId", answer.get("principalId"));
        var context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setAuthorizer(authorizer);
        var event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        return new IdentityResolver("default").resolve(event);
    }
}
