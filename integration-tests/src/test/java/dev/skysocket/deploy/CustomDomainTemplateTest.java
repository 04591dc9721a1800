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
 * The optional custom domain in {@code template.yaml}: parameters, a Regional domain and the stage's mapping, the
 * client snippet for it, and the Management API endpoint (AWS-FACTS, custom domains). Each check also runs on a
 * copy broken the way it exists to catch.
 */
class CustomDomainTemplateTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("skysocket.template", "../template.yaml"))
            .toAbsolutePath().normalize();

    @Test
    void aCustomDomainMapsTheStageAtTheMappingKey() throws IOException {
        assertThat(EdgeChecks.customDomainMapsTheStage(load())).isEmpty();
    }

    @Test
    void aMappingOfAnotherApiOrAnUnconditionalDomainIsCaught() throws IOException {
        Template t = load();
        t.resource("CustomDomain").remove("Condition");
        properties(t, "CustomDomainMapping").put("ApiId", Map.of("Ref", "SomethingElse"));
        t.resource("CustomDomainMapping").remove("DependsOn");
        map(list(properties(t, "CustomDomain").get("DomainNameConfigurations")).get(0)).put("EndpointType", "EDGE");
        assertThat(EdgeChecks.customDomainMapsTheStage(t))
                .anyMatch(p -> p.contains("CustomDomain is not conditional"))
                .anyMatch(p -> p.contains("does not map WebSocketApi's Stage"))
                .anyMatch(p -> p.contains("does not wait for the stage"))
                .anyMatch(p -> p.contains("not a Regional domain"));
    }

    @Test
    void theMappingKeyFollowsApiGatewaysCharactersAndAllowsSocketIo() throws IOException {
        var pattern = EdgeChecks.mappingKeyPattern(load());
        assertThat(List.of("", "socket.io", "v1", "chat_prod-2")).allMatch(k -> pattern.matcher(k).matches());
        assertThat(List.of("a/b", "/socket.io", "sock et", "socket.io/")).noneMatch(k -> pattern.matcher(k).matches());
    }

    @Test
    void theClientSnippetNamesTheDomainAndTheMappingWithoutTheTrailingSlash() throws IOException {
        assertThat(EdgeChecks.clientSnippetFollowsTheDomain(load())).isEmpty();
        Template t = load();
        List<Object> branches = list(map(map(map(t.root().get("Outputs")).get("ClientSnippet")).get("Value"))
                .get("Fn::If"));
        map(branches.get(1)).put("Fn::Sub", "const socket = io(\"wss://${CustomDomainName}\");");
        assertThat(EdgeChecks.clientSnippetFollowsTheDomain(t))
                .anyMatch(p -> p.contains("addTrailingSlash: false"))
                .anyMatch(p -> p.contains("path: \"/${ApiMappingKey}\""));
    }

    @Test
    void theManagementApiGoesThroughTheDomainOnlyWhenTheExecuteApiEndpointIsOff() throws IOException {
        assertThat(EdgeChecks.managementEndpointOnlyWhenExecuteApiIsOff(load())).isEmpty();
        Template t = load();
        map(map(map(map(t.root().get("Globals")).get("Function")).get("Environment")).get("Variables"))
                .put("SKYSOCKET_MANAGEMENT_ENDPOINT", Map.of("Fn::If", List.of("HasCustomDomain",
                        Map.of("Fn::Sub", "https://${CustomDomainName}/${ApiMappingKey}"), "")));
        properties(t, "WebSocketApi").remove("DisableExecuteApiEndpoint");
        assertThat(EdgeChecks.managementEndpointOnlyWhenExecuteApiIsOff(t)).hasSize(2);
    }

    private static Template load() throws IOException {
        return Template.load(TEMPLATE);
    }

    private static Map<String, Object> properties(Template t, String logicalId) {
        return map(t.resource(logicalId).get("Properties"));
    }
}
