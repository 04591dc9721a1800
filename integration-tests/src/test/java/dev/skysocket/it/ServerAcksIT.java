package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Server-to-client acks with the stock Node client on both paths (the example app's {@code ask} and
 * {@code survey}): an answer that arrives in another {@code $default} invocation reaches the waiting one; a
 * gateway session's answer completes in memory; a silent client times out; a room's survey names its silent
 * members and carries the others' answers, across the paths.
 */
@Timeout(120)
class ServerAcksIT {
    private static TestStack.Target target;

    @BeforeAll
    static void startStack() {
        target = TestStack.target();
    }

    @AfterAll
    static void stopStack() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void askAndSurveyGetTheClientsAnswersAndNameTheSilentOnes() {
        JsonNode seen = NodeScenario.of("server-acks.mjs", target.websocketUrl(), target.path(),
                target.requireGatewayUrl()).run().succeeded();
        JsonNode ids = seen.path("ids");
        JsonNode ask = seen.path("ask");

        assertThat(ask.path("answeredApigw").get(0).path("answer").asText()).isEqualTo("apigw says yes to lunch?");
        assertThat(ask.path("answeredGateway").get(0).path("answer").path("gateway").asText()).isEqualTo("lunch?");
        assertThat(ask.path("timedOutApigw").get(0).path("error").asText()).isEqualTo("timeout");
        assertThat(ask.path("timedOutGateway").get(0).path("error").asText()).isEqualTo("timeout");
        assertThat(seen.path("questionsHeard").path("silentApigw").asInt()).as("the silent client heard it").isPositive();

        JsonNode fromApigw = seen.path("survey").path("fromApigw").get(0);
        assertThat(fromApigw.path("answers").path(ids.path("apigw").asText()).asText()).isEqualTo("apigw says yes to tea?");
        assertThat(fromApigw.path("answers").path(ids.path("gateway").asText()).path("gateway").asText()).isEqualTo("tea?");
        assertThat(texts(fromApigw.path("silent"))).containsExactlyInAnyOrder(ids.path("silentApigw").asText(),
                ids.path("silentGateway").asText(), ids.path("askerGateway").asText());

        JsonNode fromGateway = seen.path("survey").path("fromGateway").get(0);
        assertThat(fromGateway.path("answers").path(ids.path("apigw").asText()).asText())
                .isEqualTo("apigw says yes to coffee?");
        assertThat(fromGateway.path("answers").path(ids.path("gateway").asText()).path("gateway").asText())
                .isEqualTo("coffee?");
        assertThat(texts(fromGateway.path("silent"))).containsExactlyInAnyOrder(ids.path("silentApigw").asText(),
                ids.path("silentGateway").asText(), ids.path("askerApigw").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
