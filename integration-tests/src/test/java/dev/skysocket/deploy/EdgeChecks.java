package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.environment;
import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static dev.skysocket.deploy.Template.number;
import static dev.skysocket.deploy.Template.refTarget;

import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.apigw.SweepPasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Template facts at the edges of the API Gateway path: the optional custom domain (its mapping, the client
 * snippet, the Management API endpoint when the execute-api endpoint is off), the open step's failure handling,
 * and the heartbeat's room for covering a missed run. Like {@link TemplateChecks}: each returns what is wrong.
 */
final class EdgeChecks {
    static final String DOMAIN_CONDITION = "HasCustomDomain";

    private EdgeChecks() {
    }

    /** A Regional domain and a mapping of this API's stage at ApiMappingKey, both only with a custom domain. */
    static List<String> customDomainMapsTheStage(Template t) {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("CustomDomainName", "CustomDomainCertificateArn", "ApiMappingKey",
                "DisableExecuteApiEndpoint")) {
            if (map(map(t.root().get("Parameters")).get(name)).isEmpty()) {
                problems.add("no parameter " + name);
            }
        }
        Map<String, Map<String, Object>> domains = t.propertiesOfType("AWS::ApiGatewayV2::DomainName");
        Map<String, Map<String, Object>> mappings = t.propertiesOfType("AWS::ApiGatewayV2::ApiMapping");
        if (domains.size() != 1 || mappings.size() != 1) {
            problems.add("expected one DomainName and one ApiMapping, got " + domains.keySet() + " " + mappings.keySet());
            return problems;
        }
        String domainId = domains.keySet().iterator().next();
        Map<String, Object> domain = domains.get(domainId);
        String mappingId = mappings.keySet().iterator().next();
        Map<String, Object> mapping = mappings.get(mappingId);
        for (String id : List.of(domainId, mappingId)) {
            if (!DOMAIN_CONDITION.equals(t.resource(id).get("Condition"))) {
                problems.add(id + " is not conditional on " + DOMAIN_CONDITION);
            }
        }
        if (!"CustomDomainName".equals(refTarget(domain.get("DomainName")))) {
            problems.add(domainId + " DomainName is not CustomDomainName");
        }
        Map<String, Object> configuration = map(list(domain.get("DomainNameConfigurations")).stream().findFirst()
                .orElse(null));
        if (!"REGIONAL".equals(configuration.get("EndpointType"))
                || !"CustomDomainCertificateArn".equals(refTarget(configuration.get("CertificateArn")))) {
            problems.add(domainId + " is not a Regional domain with CustomDomainCertificateArn: " + configuration);
        }
        if (!domainId.equals(refTarget(mapping.get("DomainName")))) {
            problems.add(mappingId + " maps onto " + mapping.get("DomainName") + ", not " + domainId);
        }
        if (!"WebSocketApi".equals(refTarget(mapping.get("ApiId"))) || !"Stage".equals(refTarget(mapping.get("Stage")))) {
            problems.add(mappingId + " does not map WebSocketApi's Stage");
        }
        if (!"WebSocketApiStage".equals(t.resource(mappingId).get("DependsOn"))) {
            problems.add(mappingId + " does not wait for the stage SAM writes (WebSocketApiStage)");
        }
        if (!String.valueOf(mapping.get("ApiMappingKey")).contains("ApiMappingKey")) {
            problems.add(mappingId + " ApiMappingKey is not the ApiMappingKey parameter");
        }
        return problems;
    }

    /** The mapping key pattern: API Gateway's characters, one level. */
    static Pattern mappingKeyPattern(Template t) {
        return Pattern.compile(String.valueOf(t.parameter("ApiMappingKey").get("AllowedPattern")));
    }

    /**
     * With a custom domain the client snippet names the domain, the mapping as {@code path} without the trailing
     * slash the client adds by default, websocket only and base64 binary.
     */
    static List<String> clientSnippetFollowsTheDomain(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> snippet = map(map(map(t.root().get("Outputs")).get("ClientSnippet")).get("Value"));
        List<Object> branches = list(snippet.get("Fn::If"));
        if (branches.size() != 3 || !DOMAIN_CONDITION.equals(branches.get(0))) {
            problems.add("ClientSnippet does not depend on " + DOMAIN_CONDITION + ": " + snippet);
            return problems;
        }
        String text = String.valueOf(map(branches.get(1)).get("Fn::Sub"));
        for (String part : List.of("io(\"wss://${CustomDomainName}\"", "path: \"/${ApiMappingKey}\"",
                "addTrailingSlash: false", "transports: [\"websocket\"]", "forceBase64: true")) {
            if (!text.contains(part)) {
                problems.add("the custom domain's ClientSnippet lacks " + part + ": " + text);
            }
        }
        return problems;
    }

    /**
     * The Management API endpoint is left to the code (API id and Region) unless the execute-api endpoint is
     * disabled; then it is the custom domain and its mapping, and the API really is closed.
     */
    static List<String> managementEndpointOnlyWhenExecuteApiIsOff(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> globals = map(map(t.root().get("Globals")).get("Function"));
        List<Object> choice = list(map(environment(globals).get("SKYSOCKET_MANAGEMENT_ENDPOINT")).get("Fn::If"));
        if (choice.size() != 3 || !"ExecuteApiDisabled".equals(choice.get(0))
                || !String.valueOf(map(choice.get(1)).get("Fn::Sub"))
                        .equals("https://${CustomDomainName}/${ApiMappingKey}")
                || !"".equals(choice.get(2))) {
            problems.add("SKYSOCKET_MANAGEMENT_ENDPOINT is not https://<custom domain>/<mapping> exactly when "
                    + "ExecuteApiDisabled, and unset otherwise: " + choice);
        }
        Map<String, Object> api = map(map(t.resource("WebSocketApi").get("Properties")));
        List<Object> disable = list(map(api.get("DisableExecuteApiEndpoint")).get("Fn::If"));
        if (disable.size() != 3 || !"ExecuteApiDisabled".equals(disable.get(0))
                || !Boolean.TRUE.equals(disable.get(1))) {
            problems.add("WebSocketApi DisableExecuteApiEndpoint does not follow ExecuteApiDisabled: " + disable);
        }
        return problems;
    }

    /**
     * The open step: no retry a minute late, failures to a queue the function's role may send to, an alarm on
     * that queue, and a claim lease as long as the function's timeout (a whole run).
     */
    static List<String> openStepFailuresAreKeptAndAlarmed(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> open = t.functions().get("OpenFunction");
        Map<String, Object> invoke = map(open.get("EventInvokeConfig"));
        Map<String, Object> onFailure = map(map(invoke.get("DestinationConfig")).get("OnFailure"));
        List<Object> getAtt = list(map(onFailure.get("Destination")).get("Fn::GetAtt"));
        String queue = getAtt.isEmpty() ? null : String.valueOf(getAtt.get(0));
        if (!"SQS".equals(onFailure.get("Type")) || queue == null
                || !"AWS::SQS::Queue".equals(map(t.resources().get(queue)).get("Type"))) {
            problems.add("OpenFunction has no OnFailure destination on an SQS queue of this template: " + onFailure);
            return problems;
        }
        if (number(invoke.get("MaximumRetryAttempts"), "MaximumRetryAttempts") != 0) {
            problems.add("OpenFunction retries a failed run a minute later, after the client gave up");
        }
        long timeoutMs = number(open.get("Timeout"), "OpenFunction Timeout") * 1000;
        if (timeoutMs != ApiGatewayRuntime.OPEN_LEASE_MS) {
            problems.add("OpenFunction Timeout " + timeoutMs + " ms is not the open claim's lease "
                    + ApiGatewayRuntime.OPEN_LEASE_MS + " ms");
        }
        String role = String.valueOf(list(map(open.get("Role")).get("Fn::GetAtt")).stream().findFirst().orElse(""));
        boolean maySend = String.valueOf(t.resource(role)).contains("sqs:SendMessage")
                && String.valueOf(t.resource(role)).contains("Fn::GetAtt=[" + queue + ", Arn]");
        if (!maySend) {
            problems.add(role + " may not send to " + queue);
        }
        boolean alarmed = t.propertiesOfType("AWS::CloudWatch::Alarm").values().stream()
                .anyMatch(alarm -> "AWS/SQS".equals(alarm.get("Namespace"))
                        && String.valueOf(alarm.get("Dimensions")).contains("Fn::GetAtt=[" + queue + ", QueueName]"));
        if (!alarmed) {
            problems.add("no alarm watches " + queue);
        }
        return problems;
    }

    /** A heartbeat run may pass through the next run's window: its last pass starts at +105 s and may take 55 s. */
    static List<String> heartbeatTimeoutCoversTheNextRun(Template t, long sweepPeriodMs, long passPeriodMs) {
        long lastSlot = SweepPasses.SCHEDULED_RUNS_COVERED * sweepPeriodMs - passPeriodMs;
        long needed = lastSlot + 55_000 + SweepPasses.DEFAULT_SAFETY_MARGIN_MS;
        long timeout = number(t.functions().get("HeartbeatFunction").get("Timeout"), "HeartbeatFunction Timeout")
                * 1000;
        return timeout >= needed ? List.of()
                : List.of("HeartbeatFunction Timeout " + timeout + " ms < last slot " + lastSlot
                        + " ms + a 55 s pass + the margin = " + needed + " ms");
    }
}
