package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.environment;
import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static dev.skysocket.deploy.Template.number;
import static dev.skysocket.deploy.Template.refTarget;

import dev.skysocket.apigw.QueuedFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ordered mode's wiring ({@code MessageDelivery=ordered}): the parameter and its two conditions, the
 * {@code $default} route switching between the Lambda proxy and the SQS integration, the request template that
 * groups frames by connection, the FIFO queue and its dead-letter queue, and the event source mapping to the
 * {@code ordered} handler. Each check returns what is wrong (empty when right).
 */
final class OrderedModeChecks {
    static final String PARAMETER = "MessageDelivery";
    static final String ORDERED = "OrderedDelivery";
    static final String DIRECT = "DirectDelivery";
    /** Lambda's advice for SQS consumers: visibility timeout at least 6 times the function timeout. */
    static final long VISIBILITY_PER_FUNCTION_TIMEOUT = 6;

    private OrderedModeChecks() {
    }

    /** {@code MessageDelivery} is direct or ordered, and the two conditions test it. */
    static List<String> parameterChoosesTheMode(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> parameter = t.parameter(PARAMETER);
        if (!List.of("direct", "ordered").equals(list(parameter.get("AllowedValues")))) {
            problems.add(PARAMETER + " AllowedValues must be [direct, ordered]: " + parameter.get("AllowedValues"));
        }
        Map<String, Object> conditions = map(t.root().get("Conditions"));
        condition(conditions, ORDERED, "ordered", problems);
        condition(conditions, DIRECT, "direct", problems);
        return problems;
    }

    /**
     * The {@code $default} route is a plain route whose target is {@code !If [OrderedDelivery, <SQS integration>,
     * <Lambda proxy integration>]}; the Lambda integration and its invoke permission exist only in direct mode.
     */
    static List<String> defaultRouteSwitchesByMode(Template t) {
        List<String> problems = new ArrayList<>();
        t.propertiesOfType("AWS::Serverless::WebSocketApi").forEach((id, api) -> {
            if (map(api.get("Routes")).containsKey("$default")) {
                problems.add(id + " Routes has $default: SAM would give it a Lambda proxy integration in both modes");
            }
        });
        List<Object> branches = targetBranches(t);
        if (branches == null) {
            problems.add("the $default route's Target is not !If [" + ORDERED + ", ordered, direct]");
            return problems;
        }
        String sqs = integrationId(branches.get(0));
        String lambda = integrationId(branches.get(1));
        if (sqs == null || !"AWS".equals(integration(t, sqs).get("IntegrationType"))
                || !ORDERED.equals(t.resource(sqs).get("Condition"))) {
            problems.add("in ordered mode $default must reach an AWS (SQS) integration with Condition " + ORDERED
                    + ": " + branches.get(0));
        }
        if (lambda == null || !"AWS_PROXY".equals(integration(t, lambda).get("IntegrationType"))
                || !DIRECT.equals(t.resource(lambda).get("Condition"))) {
            problems.add("in direct mode $default must reach a Lambda proxy integration with Condition " + DIRECT
                    + ": " + branches.get(1));
        }
        t.propertiesOfType("AWS::Lambda::Permission").forEach((id, permission) -> {
            if ("DefaultFunction".equals(refTarget(permission.get("FunctionName")))
                    && !DIRECT.equals(t.resource(id).get("Condition"))) {
                problems.add(id + " lets API Gateway invoke DefaultFunction in ordered mode too");
            }
        });
        return problems;
    }

    /**
     * The SQS integration sends each frame unchanged, grouped by connection id, deduplicated by request id, with
     * every attribute {@link QueuedFrame} reads, as the role API Gateway assumes (SendMessage on that queue only).
     */
    static List<String> sqsIntegrationGroupsFramesByConnection(Template t) {
        List<String> problems = new ArrayList<>();
        List<Object> branches = targetBranches(t);
        String id = branches == null ? null : integrationId(branches.get(0));
        if (id == null) {
            return List.of("no SQS integration on the $default route");
        }
        Map<String, Object> integration = integration(t, id);
        String queue = queueOfUri(integration.get("IntegrationUri"));
        if (queue == null || !isFifo(t, queue)) {
            problems.add(id + " IntegrationUri does not name a FIFO queue of this template: "
                    + integration.get("IntegrationUri"));
        }
        if (!"POST".equals(integration.get("IntegrationMethod")) || !"NEVER".equals(integration.get("PassthroughBehavior"))
                || !"'application/x-www-form-urlencoded'".equals(map(integration.get("RequestParameters"))
                        .get("integration.request.header.Content-Type"))) {
            problems.add(id + " must POST a form (Content-Type application/x-www-form-urlencoded, passthrough NEVER)");
        }
        String template = String.valueOf(map(integration.get("RequestTemplates"))
                .get(String.valueOf(integration.get("TemplateSelectionExpression"))));
        for (String part : List.of("Action=SendMessage", "MessageGroupId=$util.urlEncode($context.connectionId)",
                "MessageDeduplicationId=$util.urlEncode($context.requestId)", "MessageBody=$util.urlEncode($input.body)")) {
            if (!template.contains(part)) {
                problems.add(id + " request template (the one TemplateSelectionExpression selects) lacks " + part);
            }
        }
        for (String attribute : QueuedFrame.ATTRIBUTES) {
            Matcher named = Pattern.compile(
                    "MessageAttribute\\.(\\d+)\\.Name=" + attribute + "&").matcher(template);
            if (!named.find() || !template.contains("MessageAttribute." + named.group(1)
                    + ".Value.StringValue=") || !template.contains("$context." + attribute)) {
                problems.add(id + " request template does not set attribute " + attribute + " from $context."
                        + attribute);
            }
        }
        String role = getAttTarget(integration.get("CredentialsArn"));
        if (queue != null && !grants(t, role, "apigateway.amazonaws.com", "sqs:SendMessage", queue)) {
            problems.add(id + " CredentialsArn role " + role + " is not API Gateway's with sqs:SendMessage on " + queue);
        }
        return problems;
    }

    /**
     * The queue is FIFO with a FIFO dead-letter queue, and its visibility timeout covers the consumer; the mapping
     * feeds the {@code ordered} handler in FIFO-sized batches and reads batch item failures.
     */
    static List<String> queueAndMappingFeedTheOrderedHandler(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> mappings = t.propertiesOfType("AWS::Lambda::EventSourceMapping");
        if (mappings.isEmpty()) {
            problems.add("no event source mapping for the ordered queue");
        }
        mappings.forEach((id, mapping) -> {
            String queue = getAttTarget(mapping.get("EventSourceArn"));
            String function = refTarget(mapping.get("FunctionName"));
            Map<String, Object> consumer = function == null ? null : t.functions().get(function);
            if (queue == null || !isFifo(t, queue)) {
                problems.add(id + " does not read a FIFO queue of this template: " + mapping.get("EventSourceArn"));
                return;
            }
            if (consumer == null || !"ordered".equals(environment(consumer).get(TemplateChecks.HANDLER_PROPERTY))
                    || !String.valueOf(map(mapping.get("FunctionName")).get("Ref")).endsWith(".Alias")) {
                problems.add(id + " does not invoke the published alias of a function whose handler is ordered: "
                        + mapping.get("FunctionName"));
                return;
            }
            if (!list(mapping.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")) {
                problems.add(id + " lacks FunctionResponseTypes [ReportBatchItemFailures]: one failed frame would "
                        + "return the whole batch");
            }
            long batch = mapping.get("BatchSize") == null ? 10 : number(mapping.get("BatchSize"), id + " BatchSize");
            if (batch < 1 || batch > 10 || mapping.containsKey("MaximumBatchingWindowInSeconds")) {
                problems.add(id + " BatchSize must be 1..10 and no batching window (FIFO queues)");
            }
            Map<String, Object> properties = map(t.resource(queue).get("Properties"));
            long timeout = number(consumer.get("Timeout"), function + " Timeout");
            long visibility = number(properties.get("VisibilityTimeout"), queue + " VisibilityTimeout");
            if (visibility < VISIBILITY_PER_FUNCTION_TIMEOUT * timeout) {
                problems.add(queue + " VisibilityTimeout " + visibility + " s < 6 x " + function + " Timeout " + timeout
                        + " s");
            }
            Map<String, Object> redrive = map(properties.get("RedrivePolicy"));
            String dlq = getAttTarget(redrive.get("deadLetterTargetArn"));
            if (dlq == null || !isFifo(t, dlq) || redrive.get("maxReceiveCount") == null) {
                problems.add(queue + " has no FIFO dead-letter queue with a maxReceiveCount: a frame that always "
                        + "fails would block its connection until retention ends");
            }
            String role = getAttTarget(consumer.get("Role"));
            for (String action : List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")) {
                if (!grants(t, role, "lambda.amazonaws.com", action, queue)) {
                    problems.add(function + " role " + role + " lacks " + action + " on " + queue);
                }
            }
        });
        return problems;
    }

    /** Everything the ordered mode adds exists only in ordered mode. */
    static List<String> orderedResourcesAreConditional(Template t, List<String> ids) {
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            if (!ORDERED.equals(t.resource(id).get("Condition"))) {
                problems.add(id + " exists in direct mode too: Condition must be " + ORDERED);
            }
        }
        return problems;
    }

    private static void condition(Map<String, Object> conditions, String name, String value, List<String> problems) {
        List<Object> equals = list(map(conditions.get(name)).get("Fn::Equals"));
        if (equals.size() != 2 || !PARAMETER.equals(refTarget(equals.get(0))) || !value.equals(equals.get(1))) {
            problems.add("condition " + name + " must be !Equals [!Ref " + PARAMETER + ", " + value + "]: "
                    + conditions.get(name));
        }
    }

    /** [ordered target, direct target] of the $default route, or null when it is not such an If. */
    private static List<Object> targetBranches(Template t) {
        for (Map<String, Object> route : t.propertiesOfType("AWS::ApiGatewayV2::Route").values()) {
            if ("$default".equals(route.get("RouteKey"))) {
                List<Object> choice = list(map(route.get("Target")).get("Fn::If"));
                return choice.size() == 3 && ORDERED.equals(choice.get(0)) ? choice.subList(1, 3) : null;
            }
        }
        return null;
    }

    /** The integration named by {@code !Sub integrations/${Id}}. */
    private static String integrationId(Object target) {
        String text = String.valueOf(map(target).getOrDefault("Fn::Sub", target));
        Matcher id = Pattern.compile("integrations/\\$\\{([A-Za-z0-9]+)}").matcher(text);
        return id.matches() ? id.group(1) : null;
    }

    private static Map<String, Object> integration(Template t, String id) {
        return map(t.resource(id).get("Properties"));
    }

    /** The queue in {@code !Sub arn:...:sqs:path/${AWS::AccountId}/${Queue.QueueName}}. */
    private static String queueOfUri(Object uri) {
        Matcher queue = Pattern
                .compile(".*:sqs:path/\\$\\{AWS::AccountId}/\\$\\{([A-Za-z0-9]+)\\.QueueName}")
                .matcher(String.valueOf(map(uri).get("Fn::Sub")));
        return queue.matches() ? queue.group(1) : null;
    }

    private static String getAttTarget(Object value) {
        List<Object> getAtt = list(map(value).get("Fn::GetAtt"));
        if (getAtt.size() == 2) {
            return String.valueOf(getAtt.get(0));
        }
        String dotted = map(value).get("Fn::GetAtt") instanceof String s ? s : null;
        return dotted == null ? null : dotted.substring(0, dotted.indexOf('.'));
    }

    private static boolean isFifo(Template t, String id) {
        Map<String, Object> resource = map(t.resources().get(id));
        return "AWS::SQS::Queue".equals(resource.get("Type"))
                && Boolean.TRUE.equals(map(resource.get("Properties")).get("FifoQueue"));
    }

    /** The role trusts {@code service} and an inline statement allows {@code action} on the queue's ARN. */
    private static boolean grants(Template t, String role, String service, String action, String queue) {
        Map<String, Object> properties = role == null ? Map.of() : map(map(t.resources().get(role)).get("Properties"));
        boolean trusted = list(map(properties.get("AssumeRolePolicyDocument")).get("Statement")).stream()
                .anyMatch(s -> service.equals(map(map(s).get("Principal")).get("Service")));
        boolean allowed = list(properties.get("Policies")).stream()
                .flatMap(p -> list(map(map(p).get("PolicyDocument")).get("Statement")).stream())
                .map(Template::map)
                .anyMatch(s -> "Allow".equals(s.get("Effect")) && list(s.get("Action")).contains(action)
                        && list(s.get("Resource")).stream().anyMatch(r -> queue.equals(getAttTarget(r))));
        return trusted && allowed;
    }
}
