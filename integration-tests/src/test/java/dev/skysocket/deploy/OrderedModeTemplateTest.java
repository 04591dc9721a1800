package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ordered mode in {@code template.yaml} ({@code MessageDelivery=ordered}): the queue, the mapping, the
 * integration, the roles and the parameter's conditions. As in {@link TemplateTest}, every check also runs on a copy
 * broken the way it exists to catch; and cfn-lint must pass the template as committed.
 */
class OrderedModeTemplateTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("skysocket.template", "../template.yaml"))
            .toAbsolutePath().normalize();
    private static final List<String> ORDERED_RESOURCES = List.of("OrderedQueue", "OrderedDeadLetterQueue",
            "OrderedIntegrationRole", "OrderedIntegration", "OrderedFunction", "OrderedEventSourceMapping",
            "OrderedFunctionRole", "OrderedLogGroup");

    @Test
    void theParameterChoosesBetweenDirectAndOrdered() throws IOException {
        assertThat(OrderedModeChecks.parameterChoosesTheMode(load())).isEmpty();
        assertThat(load().parameter(OrderedModeChecks.PARAMETER).get("Default")).isIn("direct", "ordered");
        Template t = load();
        map(t.root().get("Conditions")).put(OrderedModeChecks.ORDERED,
                Map.of("Fn::Equals", List.of(Map.of("Ref", "MessageDelivery"), "direct")));
        assertThat(OrderedModeChecks.parameterChoosesTheMode(t)).singleElement().asString()
                .contains("condition OrderedDelivery");
    }

    @Test
    void theDefaultRouteReachesSqsWhenOrderedAndTheFunctionOnlyWhenDirect() throws IOException {
        assertThat(OrderedModeChecks.defaultRouteSwitchesByMode(load())).isEmpty();
        Template t = load();
        t.resource("WebSocketApiDefaultIntegration").remove("Condition");
        t.resource("WebSocketApiDefaultPermission").remove("Condition");
        map(properties(t, "WebSocketApi").get("Routes")).put("$default",
                Map.of("FunctionArn", Map.of("Ref", "DefaultFunction.Alias")));
        assertThat(OrderedModeChecks.defaultRouteSwitchesByMode(t))
                .anyMatch(p -> p.contains("Routes has $default"))
                .anyMatch(p -> p.contains("in direct mode $default must reach a Lambda proxy integration"))
                .anyMatch(p -> p.contains("WebSocketApiDefaultPermission lets API Gateway invoke DefaultFunction"));
        Template unconditional = load();
        properties(unconditional, "WebSocketApiDefaultRoute").put("Target",
                Map.of("Fn::Sub", "integrations/${OrderedIntegration}"));
        assertThat(OrderedModeChecks.defaultRouteSwitchesByMode(unconditional)).singleElement().asString()
                .contains("Target is not !If");
    }

    @Test
    void theIntegrationSendsEachFrameGroupedByConnectionWithWhatTheHandlerReads() throws IOException {
        assertThat(OrderedModeChecks.sqsIntegrationGroupsFramesByConnection(load())).isEmpty();
        Template t = load();
        Map<String, Object> integration = properties(t, "OrderedIntegration");
        Map<String, Object> templates = map(integration.get("RequestTemplates"));
        String key = String.valueOf(integration.get("TemplateSelectionExpression"));
        templates.put(key, String.valueOf(templates.get(key))
                .replace("MessageGroupId=$util.urlEncode($context.connectionId)", "MessageGroupId=all")
                .replace("Name=domainName&", "Name=host&"));
        Map<String, Object> policy = map(list(properties(t, "OrderedIntegrationRole").get("Policies")).get(0));
        map(policy.get("PolicyDocument")).put("Statement", List.of());
        assertThat(OrderedModeChecks.sqsIntegrationGroupsFramesByConnection(t))
                .anyMatch(p -> p.contains("lacks MessageGroupId=$util.urlEncode($context.connectionId)"))
                .anyMatch(p -> p.contains("does not set attribute domainName"))
                .anyMatch(p -> p.contains("is not API Gateway's with sqs:SendMessage on OrderedQueue"));
    }

    @Test
    void theQueueAndItsMappingFeedTheOrderedHandlerWithBatchItemFailures() throws IOException {
        assertThat(OrderedModeChecks.queueAndMappingFeedTheOrderedHandler(load())).isEmpty();
        Template t = load();
        properties(t, "OrderedEventSourceMapping").remove("FunctionResponseTypes");
        properties(t, "OrderedQueue").put("VisibilityTimeout", 30);
        properties(t, "OrderedQueue").remove("RedrivePolicy");
        assertThat(OrderedModeChecks.queueAndMappingFeedTheOrderedHandler(t))
                .anyMatch(p -> p.contains("lacks FunctionResponseTypes [ReportBatchItemFailures]"))
                .anyMatch(p -> p.contains("VisibilityTimeout 30 s < 6 x OrderedFunction Timeout 10 s"))
                .anyMatch(p -> p.contains("has no FIFO dead-letter queue"));
        Template wrongHandler = load();
        map(map(properties(wrongHandler, "OrderedFunction").get("Environment")).get("Variables"))
                .put(TemplateChecks.HANDLER_PROPERTY, "default");
        assertThat(OrderedModeChecks.queueAndMappingFeedTheOrderedHandler(wrongHandler)).singleElement().asString()
                .contains("whose handler is ordered");
    }

    @Test
    void everythingTheOrderedModeAddsExistsOnlyInOrderedMode() throws IOException {
        assertThat(OrderedModeChecks.orderedResourcesAreConditional(load(), ORDERED_RESOURCES)).isEmpty();
        Template t = load();
        t.resource("OrderedQueue").remove("Condition");
        assertThat(OrderedModeChecks.orderedResourcesAreConditional(t, ORDERED_RESOURCES)).singleElement().asString()
                .startsWith("OrderedQueue exists in direct mode too");
    }

    @Test
    void cfnLintPassesTheTemplate() throws Exception {
        boolean haveLint = new ProcessBuilder("sh", "-c", "command -v cfn-lint").start().waitFor() == 0;
        assumeTrue(haveLint, "cfn-lint is not on PATH (pip install cfn-lint)");
        Process lint = new ProcessBuilder("cfn-lint", TEMPLATE.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished within 120 s").isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
    }

    private static Template load() throws IOException {
        return Template.load(TEMPLATE);
    }

    private static Map<String, Object> properties(Template t, String logicalId) {
        return map(t.resource(logicalId).get("Properties"));
    }
}
