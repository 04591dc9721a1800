package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code template.yaml} against the facts users get wrong (DESIGN §8, AWS-FACTS "ALB and Fargate"). Every check
 * runs twice: on the template as committed (no problems), and on a copy broken in the way the check exists to
 * catch (the problem is reported) — so no check can pass by looking at nothing.
 */
class TemplateTest {
    private static final Path TEMPLATE = path("skysocket.template", "../template.yaml");
    private static final Path FUNCTION_ZIP = path("skysocket.function-zip",
            "../examples/chat/lambda/target/function.zip");

    @TempDir
    static Path libs;
    private static FunctionZip zip;
    private static Set<String> handlers;

    @BeforeAll
    static void openTheFunctionZip() throws IOException {
        zip = FunctionZip.open(FUNCTION_ZIP, libs);
        handlers = zip.namedHandlers().keySet();
    }

    @AfterAll
    static void closeTheFunctionZip() throws IOException {
        zip.close();
    }

    @Test
    void everyRouteReachesThePublishedFunctionWithItsHandler() throws IOException {
        assertThat(TemplateChecks.routesReachTheirHandlers(load())).isEmpty();
    }

    @Test
    void aMissingRouteOrARouteToTheWrongFunctionIsCaught() throws IOException {
        Template t = load();
        Map<String, Object> routes = map(properties(t, "WebSocketApi").get("Routes"));
        routes.remove("$disconnect");
        Object uri = properties(t, "WebSocketApiDefaultIntegration").get("IntegrationUri");
        map(list(map(uri).get("Fn::Sub")).get(1)).put("Function", Map.of("Ref", "ConnectFunction.Alias"));
        assertThat(TemplateChecks.routesReachTheirHandlers(t))
                .anyMatch(p -> p.contains("no $disconnect route"))
                .anyMatch(p -> p.contains("$default reaches ConnectFunction whose handler is connect"));
    }

    @Test
    void aRouteWithoutAnIntegrationIsCaught() throws IOException {
        Template t = load();
        map(map(properties(t, "WebSocketApi").get("Routes")).get("$disconnect")).remove("FunctionArn");
        assertThat(TemplateChecks.routesReachTheirHandlers(t))
                .anyMatch(p -> p.contains("$disconnect has no integration"));
        properties(t, "WebSocketApiDefaultRoute").put("Target", "integrations/Nowhere");
        assertThat(TemplateChecks.routesReachTheirHandlers(t))
                .anyMatch(p -> p.contains("WebSocketApiDefaultRoute ($default) has no integration"));
    }

    @Test
    void thePlainConnectRouteIsCheckedLikeTheOthers() throws IOException {
        Template t = load();
        Object uri = properties(t, "WebSocketApiConnectIntegration").get("IntegrationUri");
        map(list(map(uri).get("Fn::Sub")).get(1)).put("Function", Map.of("Ref", "OpenFunction.Alias"));
        assertThat(TemplateChecks.routesReachTheirHandlers(t))
                .anyMatch(p -> p.contains("$connect reaches OpenFunction whose handler is open"));
        properties(t, "WebSocketApiConnectRoute").put("RouteKey", "$connected");
        assertThat(TemplateChecks.routesReachTheirHandlers(t)).anyMatch(p -> p.contains("no $connect route"));
    }

    @Test
    void theConnectAuthorizerReachesTheAuthorizerHandler() throws IOException {
        assertThat(TemplateChecks.connectAuthorizersReachTheAuthorizerHandler(load())).isEmpty();
        Template t = load();
        environment(t, "AuthorizerFunction").put(TemplateChecks.HANDLER_PROPERTY, "connect");
        properties(t, "WebSocketApiConnectRoute").remove("AuthorizerId");
        t.resources().remove("AuthorizerPermission");
        assertThat(TemplateChecks.connectAuthorizersReachTheAuthorizerHandler(t))
                .anyMatch(p -> p.contains("invokes AuthorizerFunction whose handler is connect"))
                .anyMatch(p -> p.contains("attached to no $connect route"))
                .anyMatch(p -> p.contains("no permission lets API Gateway invoke AuthorizerFunction"));
    }

    @Test
    void everyFunctionNamesAHandlerThatTheZipContains() throws IOException {
        assertThat(handlers).contains("connect", "default", "ordered", "disconnect", "open", "heartbeat", "publish",
                "authorizer");
        assertThat(TemplateChecks.functionsNameHandlersInTheZip(load(), handlers, zip::hasClass)).isEmpty();
    }

    @Test
    void aHandlerNameTheZipDoesNotHaveIsCaught() throws IOException {
        Template t = load();
        environment(t, "DefaultFunction").put(TemplateChecks.HANDLER_PROPERTY, "defualt");
        environment(t, "PublishFunction").remove(TemplateChecks.HANDLER_PROPERTY);
        assertThat(TemplateChecks.functionsNameHandlersInTheZip(t, handlers, zip::hasClass))
                .anyMatch(p -> p.contains("DefaultFunction QUARKUS_LAMBDA_HANDLER=defualt names no @Named handler"))
                .anyMatch(p -> p.contains("PublishFunction sets no QUARKUS_LAMBDA_HANDLER"));
    }

    @Test
    void connectStartsTheOpenFunction() throws IOException {
        assertThat(TemplateChecks.connectStartsTheOpenFunction(load())).isEmpty();
        Template t = load();
        environment(t, "ConnectFunction").put("SKYSOCKET_OPEN_FUNCTION", Map.of("Ref", "HeartbeatFunction.Alias"));
        assertThat(TemplateChecks.connectStartsTheOpenFunction(t)).singleElement().asString()
                .contains("ConnectFunction");
    }

    @Test
    void theHeartbeatScheduleMatchesTheSweepPeriod() throws IOException {
        assertThat(TemplateChecks.heartbeatScheduleMatchesSweepPeriod(load())).isEmpty();
        Template t = load();
        map(map(map(properties(t, "HeartbeatFunction").get("Events")).get("Sweep")).get("Properties"))
                .put("Schedule", "rate(5 minutes)");
        assertThat(TemplateChecks.heartbeatScheduleMatchesSweepPeriod(t)).singleElement().asString()
                .contains("[300000]");
    }

    @Test
    void theAlbIdleTimeoutExceedsPingIntervalPlusPingTimeout() throws IOException {
        assertThat(TemplateChecks.albIdleTimeoutExceedsPingIntervalPlusTimeout(load())).isEmpty();
    }

    @Test
    void anAlbIdleTimeoutAtOrBelowTheHeartbeatIsCaught() throws IOException {
        Template t = load();
        setKeyValue(properties(t, "GatewayLoadBalancer").get("LoadBalancerAttributes"),
                "idle_timeout.timeout_seconds", "600");
        assertThat(TemplateChecks.albIdleTimeoutExceedsPingIntervalPlusTimeout(t))
                .anyMatch(p -> p.contains("<= pingInterval + pingTimeout defaults 630000"));
        Template unset = load();
        list(properties(unset, "GatewayLoadBalancer").get("LoadBalancerAttributes"))
                .removeIf(a -> "idle_timeout.timeout_seconds".equals(map(a).get("Key")));
        assertThat(TemplateChecks.albIdleTimeoutExceedsPingIntervalPlusTimeout(unset)).isNotEmpty();
    }

    @Test
    void theHealthCheckIsAPlainRouteOverHttp1() throws IOException {
        assertThat(TemplateChecks.healthCheckIsAPlainRoute(load())).isEmpty();
        Template t = load();
        properties(t, "GatewayTargetGroup").put("HealthCheckPath", "/socket.io/?EIO=4&transport=polling");
        properties(t, "GatewayTargetGroup").put("ProtocolVersion", "HTTP2");
        assertThat(TemplateChecks.healthCheckIsAPlainRoute(t)).hasSize(2);
    }

    @Test
    void stickinessUsesAnApplicationCookieNamedAsTheGatewayDefault() throws IOException {
        assertThat(TemplateChecks.stickinessFollowsTheGatewayCookie(load())).isEmpty();
        Template t = load();
        setKeyValue(properties(t, "GatewayTargetGroup").get("TargetGroupAttributes"), "stickiness.type", "lb_cookie");
        setKeyValue(properties(t, "GatewayTargetGroup").get("TargetGroupAttributes"),
                "stickiness.app_cookie.cookie_name", "io");
        assertThat(TemplateChecks.stickinessFollowsTheGatewayCookie(t))
                .anyMatch(p -> p.contains("not app_cookie"))
                .anyMatch(p -> p.contains("app cookie is io, not the gateway's skysocket-node"))
                .anyMatch(p -> p.contains("SKYSOCKET_STICKY_COOKIE=skysocket-node but"));
    }

    @Test
    void theDeregistrationDelayAndStopTimeoutCoverTheDrainWindow() throws IOException {
        assertThat(TemplateChecks.deregistrationDelayCoversTheDrain(load())).isEmpty();
        Template t = load();
        setKeyValue(properties(t, "GatewayTargetGroup").get("TargetGroupAttributes"),
                "deregistration_delay.timeout_seconds", "30");
        map(list(properties(t, "GatewayTaskDefinition").get("ContainerDefinitions")).get(0)).remove("StopTimeout");
        assertThat(TemplateChecks.deregistrationDelayCoversTheDrain(t))
                .anyMatch(p -> p.contains("deregistration delay 30000 ms < drain window 60000 ms"))
                .anyMatch(p -> p.contains("StopTimeout 30000 ms < drain window"));
    }

    @Test
    void theTableIsTheOneDynamoSchemaDescribes() throws IOException {
        assertThat(TableCheck.tableMatchesTheSchema(load())).isEmpty();
    }

    @Test
    void aTableThatDriftedFromDynamoSchemaIsCaught() throws IOException {
        Template t = load();
        Map<String, Object> table = properties(t, "Table");
        map(table.get("TimeToLiveSpecification")).put("AttributeName", "ttl");
        Map<String, Object> byPing = map(list(table.get("GlobalSecondaryIndexes")).get(1));
        list(map(byPing.get("Projection")).get("NonKeyAttributes")).remove("expiresAt");
        map(list(map(list(table.get("GlobalSecondaryIndexes")).get(0)).get("KeySchema")).get(1))
                .put("AttributeName", "socketId");
        assertThat(TableCheck.tableMatchesTheSchema(t))
                .anyMatch(p -> p.contains("TTL must be enabled on expiresAt"))
                .anyMatch(p -> p.contains("GlobalSecondaryIndexes"));
    }

    @Test
    void noIamStatementGrantsAWildcardActionOrAnUnscopedResource() throws IOException {
        assertThat(IamCheck.noWildcards(load())).isEmpty();
    }

    @Test
    void wildcardGrantsAreCaught() throws IOException {
        Template t = load();
        Map<String, Object> tableStatement = map(list(map(properties(t, "TableAccessPolicy").get("PolicyDocument"))
                .get("Statement")).get(0));
        list(tableStatement.get("Action")).add("dynamodb:*");
        Map<String, Object> manageStatement = map(list(map(properties(t, "ManageConnectionsPolicy")
                .get("PolicyDocument")).get("Statement")).get(0));
        manageStatement.put("Resource", "*");
        properties(t, "GatewayTaskRole")
                .put("ManagedPolicyArns", List.of("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertThat(IamCheck.noWildcards(t))
                .anyMatch(p -> p.startsWith("TableAccessPolicy: wildcard action dynamodb:*"))
                .anyMatch(p -> p.startsWith("ManageConnectionsPolicy: Resource \"*\""))
                .anyMatch(p -> p.startsWith("GatewayTaskRole: AWS managed policy"));
    }

    @Test
    void noResourceTurnsTheLocalQueryIdentityOn() throws IOException {
        assertThat(localOnlySettings(Files.readString(TEMPLATE))).isEmpty();
        String broken = Files.readString(TEMPLATE).replace("- {Name: SKYSOCKET_TABLE, Value: !Ref Table}",
                "- {Name: SKYSOCKET_TABLE, Value: !Ref Table}\n            - {Name: SKYSOCKET_LOCAL_QUERY_IDENTITY, "
                        + "Value: \"true\"}");
        assertThat(localOnlySettings(broken)).containsExactly("SKYSOCKET_LOCAL_QUERY_IDENTITY");
    }

    /** Local-development settings named anywhere in the template: anyone could claim any identity with them. */
    private static List<String> localOnlySettings(String template) {
        return List.of("SKYSOCKET_LOCAL_QUERY_IDENTITY", "skysocket.local-query-identity").stream()
                .filter(template::contains).toList();
    }

    private static Template load() throws IOException {
        return Template.load(TEMPLATE);
    }

    private static Map<String, Object> properties(Template t, String logicalId) {
        return map(t.resource(logicalId).get("Properties"));
    }

    private static Map<String, Object> environment(Template t, String function) {
        return map(map(properties(t, function).get("Environment")).get("Variables"));
    }

    private static void setKeyValue(Object attributes, String key, String value) {
        list(attributes).stream().map(Template::map).filter(a -> key.equals(a.get("Key")))
                .forEach(a -> a.put("Value", value));
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
