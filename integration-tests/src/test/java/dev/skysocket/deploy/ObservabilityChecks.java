package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.environment;
import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static dev.skysocket.deploy.Template.number;
import static dev.skysocket.deploy.Template.refTarget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where a deployed stack's traces and logs go: X-Ray on every function with a role that may send segments, the
 * WebSocket stage's access logs in a log group with retention, API Gateway's execution logs off unless asked for
 * (and never with the zero throttling limits route settings default to), the gateway's stdout to CloudWatch Logs,
 * and its private port out of the ALB's reach. Like {@link TemplateChecks}: each returns what is wrong.
 */
final class ObservabilityChecks {
    static final String TRACING_POLICY = "TracingPolicy";
    static final String ACCESS_LOG_GROUP = "ApiAccessLogGroup";
    /** What an access log line must carry to follow one frame: the brief of the stage's Format. */
    static final List<List<String>> ACCESS_LOG_VARIABLES = List.of(
            List.of("$context.requestId"), List.of("$context.connectionId"), List.of("$context.eventType"),
            List.of("$context.routeKey"), List.of("$context.status"),
            List.of("$context.integration.latency", "$context.integrationLatency"),
            List.of("$context.error.message"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObservabilityChecks() {
    }

    /** Tracing: Active on every function, SKYSOCKET_TRACING=xray, and each function's role may send segments. */
    static List<String> everyFunctionIsTraced(Template t) {
        List<String> problems = new ArrayList<>();
        t.functions().forEach((id, function) -> {
            if (!"Active".equals(function.get("Tracing"))) {
                problems.add(id + " Tracing is " + function.get("Tracing") + ", not Active");
            }
            if (!"xray".equals(environment(function).get("SKYSOCKET_TRACING"))) {
                problems.add(id + " does not set SKYSOCKET_TRACING=xray: its AWS calls would not be subsegments");
            }
            String role = getAttTarget(function.get("Role"));
            if (role == null) {
                problems.add(id + " has no Role of the template's own (SAM would add X-Ray to a role it makes)");
            } else if (!contains(map(t.resource(role).get("Properties")).get("ManagedPolicyArns"),
                    node -> TRACING_POLICY.equals(refTarget(node)))) {
                problems.add(id + "'s role " + role + " lacks " + TRACING_POLICY + ": Lambda could not send its trace");
            }
        });
        Map<String, Object> policy = map(map(t.resource(TRACING_POLICY).get("Properties")).get("PolicyDocument"));
        boolean grants = list(policy.get("Statement")).stream().map(Template::map)
                .anyMatch(s -> "Allow".equals(s.get("Effect"))
                        && list(s.get("Action")).containsAll(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords")));
        if (!grants) {
            problems.add(TRACING_POLICY + " does not allow xray:PutTraceSegments and xray:PutTelemetryRecords");
        }
        return problems;
    }

    /**
     * The stage logs every connect, message and disconnect as one JSON object with {@link #ACCESS_LOG_VARIABLES}
     * into {@link #ACCESS_LOG_GROUP}, which has a retention; on by default.
     */
    static List<String> accessLogsAreOnWithTheRequestAndConnection(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> api = map(t.resource("WebSocketApi").get("Properties"));
        Map<String, Object> settings = firstBranch(api.get("AccessLogSettings"));
        if (settings.isEmpty()) {
            problems.add("WebSocketApi has no AccessLogSettings");
            return problems;
        }
        if ("off".equals(t.parameter("ApiAccessLogs").get("Default"))) {
            problems.add("ApiAccessLogs is off by default");
        }
        if (!contains(settings.get("DestinationArn"), node -> List.of(ACCESS_LOG_GROUP, "Arn")
                .equals(map(node).get("Fn::GetAtt")))) {
            problems.add("AccessLogSettings.DestinationArn is not " + ACCESS_LOG_GROUP + ".Arn");
        }
        Object format = settings.get("Format");
        try {
            JsonNode line = JSON.readTree(String.valueOf(format));
            List<String> values = new ArrayList<>();
            line.fields().forEachRemaining(e -> values.add(e.getValue().asText()));
            for (List<String> anyOf : ACCESS_LOG_VARIABLES) {
                if (values.stream().noneMatch(anyOf::contains)) {
                    problems.add("the access log Format lacks " + String.join(" or ", anyOf));
                }
            }
        } catch (JsonProcessingException e) {
            problems.add("the access log Format is not one JSON object: " + e.getOriginalMessage());
        }
        if (map(t.resource(ACCESS_LOG_GROUP).get("Properties")).get("RetentionInDays") == null) {
            problems.add(ACCESS_LOG_GROUP + " has no RetentionInDays: access logs would be kept for ever");
        }
        return problems;
    }

    /**
     * Execution logging off by default; where route settings exist they name nonzero throttling limits (unset,
     * they become 0 and API Gateway answers every request 429) and never log frame bodies (data trace).
     */
    static List<String> executionLogsAreOffByDefaultAndRouteSettingsKeepTheLimits(Template t) {
        List<String> problems = new ArrayList<>();
        if (!"OFF".equals(t.parameter("ApiExecutionLogLevel").get("Default"))) {
            problems.add("ApiExecutionLogLevel is not OFF by default");
        }
        Map<String, Object> api = map(t.resource("WebSocketApi").get("Properties"));
        Object routeSettings = api.get("DefaultRouteSettings");
        if (routeSettings != null && !map(routeSettings).containsKey("Fn::If")) {
            problems.add("DefaultRouteSettings apply whatever ApiExecutionLogLevel says");
        }
        List<Map<String, Object>> all = new ArrayList<>();
        if (routeSettings != null) {
            all.add(firstBranch(routeSettings));
        }
        map(api.get("RouteSettings")).values().forEach(v -> all.add(firstBranch(v)));
        for (Map<String, Object> settings : all) {
            for (String limit : List.of("ThrottlingBurstLimit", "ThrottlingRateLimit")) {
                Object value = settings.get(limit);
                if (value == null || number(value, limit) <= 0) {
                    problems.add("route settings without a positive " + limit + ": API Gateway would throttle "
                            + "every request (429)");
                }
            }
            if (Boolean.TRUE.equals(settings.get("DataTraceEnabled"))) {
                problems.add("route settings log frame bodies (DataTraceEnabled)");
            }
        }
        return problems;
    }

    /**
     * The gateway's stdout (logs and metric lines) goes to its log group through awslogs, and its private
     * management port (the Prometheus endpoint's) is not reachable through the ALB.
     */
    static List<String> gatewayLogsToCloudWatchAndKeepsItsPrivatePortPrivate(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> task = map(t.resource("GatewayTaskDefinition").get("Properties"));
        Map<String, Object> container = map(list(task.get("ContainerDefinitions")).stream().findFirst().orElse(null));
        Map<String, Object> logs = map(container.get("LogConfiguration"));
        if (!"awslogs".equals(logs.get("LogDriver"))
                || !"GatewayLogGroup".equals(refTarget(map(logs.get("Options")).get("awslogs-group")))) {
            problems.add("the gateway container does not log to GatewayLogGroup through awslogs: " + logs);
        }
        if (map(t.resource("GatewayLogGroup").get("Properties")).get("RetentionInDays") == null) {
            problems.add("GatewayLogGroup has no RetentionInDays");
        }
        Long privatePort = list(container.get("PortMappings")).stream().map(Template::map)
                .filter(p -> "management".equals(p.get("Name")))
                .map(p -> number(p.get("ContainerPort"), "management port")).findFirst().orElse(null);
        if (privatePort == null) {
            problems.add("the gateway container names no management port");
            return problems;
        }
        Map<String, Object> targets = map(t.resource("GatewayTargetGroup").get("Properties"));
        if (number(targets.get("Port"), "GatewayTargetGroup Port") == privatePort) {
            problems.add("the ALB's target group forwards to the private port " + privatePort);
        }
        list(map(t.resource("GatewayService").get("Properties")).get("LoadBalancers")).stream().map(Template::map)
                .filter(lb -> number(lb.get("ContainerPort"), "ContainerPort") == privatePort)
                .forEach(lb -> problems.add("GatewayService registers the private port " + privatePort + " with the ALB"));
        t.propertiesOfType("AWS::EC2::SecurityGroupIngress").forEach((id, ingress) -> {
            boolean fromAlb = "AlbSecurityGroup".equals(refTarget(ingress.get("SourceSecurityGroupId")));
            if (fromAlb && number(ingress.get("FromPort"), id) <= privatePort
                    && privatePort <= number(ingress.get("ToPort"), id)) {
                problems.add(id + " lets the ALB reach the private port " + privatePort);
            }
        });
        return problems;
    }

    /** The settings of a property that is either a map or {@code Fn::If [cond, settings, NoValue]}. */
    static Map<String, Object> firstBranch(Object value) {
        Map<String, Object> m = map(value);
        if (m.containsKey("Fn::If")) {
            return map(list(m.get("Fn::If")).get(1));
        }
        return m;
    }

    /** The logical id a {@code !GetAtt X.Arn} names, or null. */
    static String getAttTarget(Object value) {
        List<Object> getAtt = list(map(value).get("Fn::GetAtt"));
        return getAtt.isEmpty() ? null : String.valueOf(getAtt.get(0));
    }

    /** Whether {@code node} or anything inside it matches. */
    static boolean contains(Object node, Predicate<Object> matches) {
        if (node == null) {
            return false;
        }
        if (matches.test(node)) {
            return true;
        }
        if (node instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(v -> contains(v, matches));
        }
        return node instanceof List<?> l && l.stream().anyMatch(v -> contains(v, matches));
    }
}
