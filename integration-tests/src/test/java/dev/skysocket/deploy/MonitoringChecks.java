package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static dev.skysocket.deploy.Template.refTarget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.metrics.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The alarms and the dashboard of {@code template.yaml}: they watch metrics that exist (the app's under the names
 * {@link Metric} gives them, with the one {@code Service} dimension), every alarm notifies AlarmTopicArn when one is
 * given, and the dashboard's body is JSON naming only resources that always exist.
 */
final class MonitoringChecks {
    static final String APP_NAMESPACE = "Skysocket";
    static final Set<String> SERVICES = Set.of("functions", "gateway");
    /** What the dashboard must show, as namespace/name. */
    static final List<String> DASHBOARD_METRICS = List.of(
            "Skysocket/ConnectionsOpened", "Skysocket/ConnectionsClosed", "Skysocket/EventsIn", "Skysocket/EventsOut",
            "Skysocket/FanoutDelivered", "Skysocket/FanoutGone", "Skysocket/FanoutFailed", "Skysocket/FanoutRetried",
            "Skysocket/OpenStepLatency", "Skysocket/OpenStepGiveUps", "Skysocket/HeartbeatPings",
            "Skysocket/QuotaRefusals", "Skysocket/RateLimitCloses", "Skysocket/RevokedCloses",
            "Skysocket/StoreThrottles", "AWS/Lambda/Errors", "AWS/Lambda/Throttles", "AWS/Lambda/Duration",
            "AWS/DynamoDB/ConsumedReadCapacityUnits", "AWS/DynamoDB/ConsumedWriteCapacityUnits",
            "AWS/DynamoDB/ReadThrottleEvents", "AWS/DynamoDB/WriteThrottleEvents", "AWS/ApiGateway/ConnectCount",
            "AWS/ApiGateway/MessageCount");
    private static final Set<String> APP_METRICS = Arrays.stream(Metric.values()).map(Metric::metricName)
            .collect(Collectors.toSet());
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One metric an alarm or a widget watches; {@code stat} is null where the widget's default applies. */
    record Watched(String namespace, String name, Map<String, Object> dimensions, String stat) {
        String key() {
            return namespace + "/" + name;
        }
    }

    private MonitoringChecks() {
    }

    /** Alarms on open-step give-ups and on DynamoDB throttling, as the table and as the app see it. */
    static List<String> alarmsWatchGiveUpsAndThrottling(Template t) {
        List<String> problems = new ArrayList<>();
        List<Watched> watched = new ArrayList<>();
        t.propertiesOfType("AWS::CloudWatch::Alarm").values().forEach(alarm -> watched.addAll(alarmMetrics(alarm)));
        if (watched.stream().noneMatch(w -> w.key().equals("Skysocket/OpenStepGiveUps")
                && "functions".equals(w.dimensions().get("Service")))) {
            problems.add("no alarm on Skysocket OpenStepGiveUps (Service=functions)");
        }
        for (String name : List.of("ThrottledRequests", "ReadThrottleEvents", "WriteThrottleEvents")) {
            if (watched.stream().noneMatch(w -> w.key().equals("AWS/DynamoDB/" + name)
                    && "Table".equals(refTarget(w.dimensions().get("TableName"))))) {
                problems.add("no alarm on AWS/DynamoDB " + name + " of the table");
            }
        }
        if (watched.stream().noneMatch(w -> w.key().equals("Skysocket/StoreThrottles"))) {
            problems.add("no alarm on Skysocket StoreThrottles");
        }
        watched.stream().filter(w -> APP_NAMESPACE.equals(w.namespace()))
                .forEach(w -> problems.addAll(appMetricProblems("an alarm", w)));
        return problems;
    }

    /** Every alarm notifies AlarmTopicArn when it is set, and nothing when it is empty. */
    static List<String> everyAlarmNotifiesTheTopicWhenOneIsGiven(Template t) {
        List<String> problems = new ArrayList<>();
        Object expected = Map.of("Fn::If", List.of("HasAlarmTopic", List.of(Map.of("Ref", "AlarmTopicArn")),
                Map.of("Ref", "AWS::NoValue")));
        Object condition = map(t.root().get("Conditions")).get("HasAlarmTopic");
        if (!Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmTopicArn"), ""))))
                .equals(condition)) {
            problems.add("condition HasAlarmTopic is not AlarmTopicArn != \"\": " + condition);
        }
        t.propertiesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            if (!expected.equals(alarm.get("AlarmActions"))) {
                problems.add(id + " AlarmActions is not !If [HasAlarmTopic, [AlarmTopicArn], NoValue]: "
                        + alarm.get("AlarmActions"));
            }
        });
        return problems;
    }

    /** The dashboard's body: JSON, only names that always exist, and every metric the operators need. */
    static List<String> dashboardShowsWhatOperatorsNeed(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> dashboards = t.propertiesOfType("AWS::CloudWatch::Dashboard");
        if (dashboards.size() != 1) {
            problems.add("expected one dashboard, got " + dashboards.keySet());
            return problems;
        }
        Object sub = map(dashboards.values().iterator().next().get("DashboardBody")).get("Fn::Sub");
        if (!(sub instanceof String body)) {
            problems.add("DashboardBody is not a !Sub of one string");
            return problems;
        }
        Matcher variables = SUB_VARIABLE.matcher(body);
        while (variables.find()) {
            String name = variables.group(1);
            String resource = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            boolean always = name.startsWith("AWS::") || map(t.root().get("Parameters")).containsKey(name)
                    || t.resources().containsKey(resource) && map(t.resources().get(resource)).get("Condition") == null;
            if (!always) {
                problems.add("the dashboard names ${" + name + "}, which does not always exist");
            }
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            problems.add("DashboardBody is not JSON: " + e.getOriginalMessage());
            return problems;
        }
        List<Watched> shown = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        root.path("widgets").forEach(widget -> widgetMetrics(widget.path("properties"), shown, expressions));
        Set<String> keys = shown.stream().map(Watched::key).collect(Collectors.toSet());
        DASHBOARD_METRICS.stream().filter(k -> !keys.contains(k))
                .forEach(k -> problems.add("the dashboard does not show " + k));
        for (String stat : List.of("p50", "p99")) {
            if (shown.stream().noneMatch(w -> w.key().equals("Skysocket/OpenStepLatency") && stat.equals(w.stat()))) {
                problems.add("the dashboard does not show OpenStepLatency " + stat);
            }
        }
        if (expressions.stream().noneMatch(e -> e.contains("ThrottledRequests") && e.contains("${Table}"))) {
            problems.add("the dashboard does not show the table's ThrottledRequests");
        }
        for (Watched w : shown) {
            if (APP_NAMESPACE.equals(w.namespace())) {
                problems.addAll(appMetricProblems("the dashboard", w));
            } else if (w.namespace().equals("AWS/Lambda")) {
                String function = String.valueOf(w.dimensions().get("FunctionName")).replaceAll("^\\$\\{(.*)}$", "$1");
                if (!"AWS::Serverless::Function".equals(map(t.resources().get(function)).get("Type"))) {
                    problems.add("the dashboard's " + w.name() + " names no function of the template: " + function);
                }
            }
        }
        return problems;
    }

    /** An app metric must be one {@link Metric} names, with exactly the dimension Service (functions or gateway). */
    private static List<String> appMetricProblems(String where, Watched w) {
        List<String> problems = new ArrayList<>();
        if (!APP_METRICS.contains(w.name())) {
            problems.add(where + " watches Skysocket " + w.name() + ", which no Metric reports");
        }
        if (!w.dimensions().keySet().equals(Set.of("Service")) || !SERVICES.contains(w.dimensions().get("Service"))) {
            problems.add(where + " watches Skysocket " + w.name() + " by " + w.dimensions()
                    + ", not by Service (functions or gateway)");
        }
        return problems;
    }

    /** The metrics of an alarm: its one metric, or each MetricStat of its metric math. */
    static List<Watched> alarmMetrics(Map<String, Object> alarm) {
        List<Watched> out = new ArrayList<>();
        if (alarm.get("MetricName") != null) {
            out.add(new Watched(String.valueOf(alarm.get("Namespace")), String.valueOf(alarm.get("MetricName")),
                    dimensions(alarm.get("Dimensions")), String.valueOf(alarm.get("Statistic"))));
        }
        for (Object entry : list(alarm.get("Metrics"))) {
            Map<String, Object> stat = map(map(entry).get("MetricStat"));
            Map<String, Object> metric = map(stat.get("Metric"));
            if (!metric.isEmpty()) {
                out.add(new Watched(String.valueOf(metric.get("Namespace")), String.valueOf(metric.get("MetricName")),
                        dimensions(metric.get("Dimensions")), String.valueOf(stat.get("Stat"))));
            }
        }
        return out;
    }

    private static Map<String, Object> dimensions(Object list) {
        Map<String, Object> out = new LinkedHashMap<>();
        list(list).stream().map(Template::map).forEach(d -> out.put(String.valueOf(d.get("Name")), d.get("Value")));
        return out;
    }

    /** A widget's metrics: [namespace, name, dim, value, ..., {options}] arrays, or [{expression}] entries. */
    private static void widgetMetrics(JsonNode properties, List<Watched> shown, List<String> expressions) {
        String defaultStat = properties.path("stat").asText(null);
        for (JsonNode entry : properties.path("metrics")) {
            List<JsonNode> parts = new ArrayList<>();
            entry.forEach(parts::add);
            JsonNode options = parts.isEmpty() || !parts.get(parts.size() - 1).isObject()
                    ? JSON.createObjectNode() : parts.remove(parts.size() - 1);
            if (options.has("expression")) {
                expressions.add(options.get("expression").asText());
                continue;
            }
            if (parts.size() < 2) {
                continue;
            }
            Map<String, Object> dims = new LinkedHashMap<>();
            for (int i = 2; i + 1 < parts.size(); i += 2) {
                dims.put(parts.get(i).asText(), parts.get(i + 1).asText());
            }
            shown.add(new Watched(parts.get(0).asText(), parts.get(1).asText(), dims,
                    options.path("stat").asText(defaultStat)));
        }
    }
}
