package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Traces, logs, alarms and the dashboard in {@code template.yaml} (README "Operating it"). As in
 * {@link TemplateTest}, every check also runs on a copy broken the way it exists to catch; cfn-lint passes the
 * template as committed ({@link OrderedModeTemplateTest#cfnLintPassesTheTemplate}).
 */
class ObservabilityTemplateTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("skysocket.template", "../template.yaml"))
            .toAbsolutePath().normalize();

    @Test
    void everyFunctionIsTracedWithARoleThatMaySendItsTrace() throws IOException {
        assertThat(ObservabilityChecks.everyFunctionIsTraced(load())).isEmpty();
        Template t = load();
        map(map(t.root().get("Globals")).get("Function")).remove("Tracing");
        Object arns = properties(t, "SocketFunctionRole").get("ManagedPolicyArns");
        list(map(arns).get("Fn::If")).forEach(branch -> list(branch)
                .removeIf(p -> ObservabilityChecks.TRACING_POLICY.equals(Template.refTarget(p))));
        map(map(properties(t, "PublishFunction").get("Environment")).get("Variables")).put("SKYSOCKET_TRACING", "off");
        assertThat(ObservabilityChecks.everyFunctionIsTraced(t))
                .anyMatch(p -> p.startsWith("ConnectFunction Tracing is null"))
                .anyMatch(p -> p.contains("DefaultFunction's role SocketFunctionRole lacks TracingPolicy"))
                .anyMatch(p -> p.startsWith("PublishFunction does not set SKYSOCKET_TRACING=xray"));
    }

    @Test
    void theStageWritesAccessLogsWithRequestConnectionAndLatency() throws IOException {
        assertThat(ObservabilityChecks.accessLogsAreOnWithTheRequestAndConnection(load())).isEmpty();
        Template t = load();
        Map<String, Object> settings = ObservabilityChecks.firstBranch(properties(t, "WebSocketApi")
                .get("AccessLogSettings"));
        settings.put("Format", String.valueOf(settings.get("Format"))
                .replace("\"$context.connectionId\"", "\"-\"")
                .replace("$context.integration.latency", "$context.responseLatency"));
        properties(t, ObservabilityChecks.ACCESS_LOG_GROUP).remove("RetentionInDays");
        assertThat(ObservabilityChecks.accessLogsAreOnWithTheRequestAndConnection(t))
                .anyMatch(p -> p.endsWith("lacks $context.connectionId"))
                .anyMatch(p -> p.endsWith("lacks $context.integration.latency or $context.integrationLatency"))
                .anyMatch(p -> p.startsWith("ApiAccessLogGroup has no RetentionInDays"));
        settings.put("Format", "$context.requestId $context.connectionId");
        assertThat(ObservabilityChecks.accessLogsAreOnWithTheRequestAndConnection(t))
                .anyMatch(p -> p.startsWith("the access log Format is not one JSON object"));
        properties(t, "WebSocketApi").remove("AccessLogSettings");
        assertThat(ObservabilityChecks.accessLogsAreOnWithTheRequestAndConnection(t)).singleElement().asString()
                .contains("no AccessLogSettings");
    }

    @Test
    void executionLogsAreOffByDefaultAndRouteSettingsNeverZeroTheLimits() throws IOException {
        assertThat(ObservabilityChecks.executionLogsAreOffByDefaultAndRouteSettingsKeepTheLimits(load())).isEmpty();
        Template t = load();
        t.parameter("ApiExecutionLogLevel").put("Default", "INFO");
        Map<String, Object> settings = ObservabilityChecks.firstBranch(properties(t, "WebSocketApi")
                .get("DefaultRouteSettings"));
        settings.remove("ThrottlingBurstLimit");
        settings.put("DataTraceEnabled", true);
        assertThat(ObservabilityChecks.executionLogsAreOffByDefaultAndRouteSettingsKeepTheLimits(t))
                .anyMatch(p -> p.contains("not OFF by default"))
                .anyMatch(p -> p.contains("without a positive ThrottlingBurstLimit"))
                .anyMatch(p -> p.contains("DataTraceEnabled"));
        properties(t, "WebSocketApi").put("DefaultRouteSettings", Map.of("LoggingLevel", "ERROR"));
        assertThat(ObservabilityChecks.executionLogsAreOffByDefaultAndRouteSettingsKeepTheLimits(t))
                .anyMatch(p -> p.contains("apply whatever ApiExecutionLogLevel says"));
    }

    @Test
    void theGatewayLogsToCloudWatchAndItsPrivatePortStaysOffTheAlb() throws IOException {
        assertThat(ObservabilityChecks.gatewayLogsToCloudWatchAndKeepsItsPrivatePortPrivate(load())).isEmpty();
        Template t = load();
        Map<String, Object> container = map(list(properties(t, "GatewayTaskDefinition").get("ContainerDefinitions"))
                .get(0));
        map(container.get("LogConfiguration")).put("LogDriver", "json-file");
        properties(t, "GatewayFromAlbIngress").put("ToPort", 3002);
        properties(t, "GatewayTargetGroup").put("Port", 3002);
        assertThat(ObservabilityChecks.gatewayLogsToCloudWatchAndKeepsItsPrivatePortPrivate(t))
                .anyMatch(p -> p.contains("does not log to GatewayLogGroup through awslogs"))
                .anyMatch(p -> p.startsWith("GatewayFromAlbIngress lets the ALB reach the private port 3002"))
                .anyMatch(p -> p.contains("target group forwards to the private port 3002"));
    }

    @Test
    void alarmsWatchOpenStepGiveUpsAndDynamoDbThrottling() throws IOException {
        assertThat(MonitoringChecks.alarmsWatchGiveUpsAndThrottling(load())).isEmpty();
        Template t = load();
        properties(t, "OpenStepGiveUpsAlarm").put("MetricName", "OpenStepGiveUp");
        t.resources().remove("TableThrottledRequestsAlarm");
        Map<String, Object> gateway = map(list(properties(t, "StoreThrottlesAlarm").get("Metrics")).get(2));
        Map<String, Object> metric = map(map(gateway.get("MetricStat")).get("Metric"));
        metric.put("Dimensions", List.of(Map.of("Name", "ServiceName", "Value", "gateway")));
        assertThat(MonitoringChecks.alarmsWatchGiveUpsAndThrottling(t))
                .anyMatch(p -> p.equals("no alarm on Skysocket OpenStepGiveUps (Service=functions)"))
                .anyMatch(p -> p.contains("OpenStepGiveUp, which no Metric reports"))
                .anyMatch(p -> p.equals("no alarm on AWS/DynamoDB ThrottledRequests of the table"))
                .anyMatch(p -> p.contains("StoreThrottles by {ServiceName=gateway}"));
    }

    @Test
    void everyAlarmNotifiesTheTopicOnlyWhenOneIsGiven() throws IOException {
        assertThat(MonitoringChecks.everyAlarmNotifiesTheTopicWhenOneIsGiven(load())).isEmpty();
        Template t = load();
        properties(t, "TableThrottleEventsAlarm").put("AlarmActions", List.of(Map.of("Ref", "AlarmTopicArn")));
        assertThat(MonitoringChecks.everyAlarmNotifiesTheTopicWhenOneIsGiven(t)).singleElement().asString()
                .startsWith("TableThrottleEventsAlarm AlarmActions");
    }

    @Test
    void theDashboardShowsTheAppAndItsAwsServices() throws IOException {
        assertThat(MonitoringChecks.dashboardShowsWhatOperatorsNeed(load())).isEmpty();
        Template t = load();
        Map<String, Object> body = map(properties(t, "Dashboard").get("DashboardBody"));
        body.put("Fn::Sub", String.valueOf(body.get("Fn::Sub"))
                .replace("\"FanoutGone\"", "\"FanoutGoneAway\"")
                .replace("{\"stat\": \"p99\"", "{\"stat\": \"p95\"")
                .replace("${PublishFunction}", "${AuthorizerFunction}"));
        assertThat(MonitoringChecks.dashboardShowsWhatOperatorsNeed(t))
                .anyMatch(p -> p.equals("the dashboard does not show Skysocket/FanoutGone"))
                .anyMatch(p -> p.contains("FanoutGoneAway, which no Metric reports"))
                .anyMatch(p -> p.equals("the dashboard does not show OpenStepLatency p99"))
                .anyMatch(p -> p.contains("${AuthorizerFunction}, which does not always exist"));
        body.put("Fn::Sub", String.valueOf(body.get("Fn::Sub")).replaceFirst("]}},", "]},"));
        assertThat(MonitoringChecks.dashboardShowsWhatOperatorsNeed(t))
                .anyMatch(p -> p.startsWith("DashboardBody is not JSON"));
    }

    private static Template load() throws IOException {
        return Template.load(TEMPLATE);
    }

    private static Map<String, Object> properties(Template t, String logicalId) {
        return map(t.resource(logicalId).get("Properties"));
    }
}
