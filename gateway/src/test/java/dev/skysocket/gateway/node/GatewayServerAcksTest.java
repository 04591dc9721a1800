package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.store.AckKey;
import dev.skysocket.store.dynamodb.DynamoAckStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server-to-client acks on a gateway node: its own session's answer completes the wait in memory (the handler
 * has returned; the answer is the session's next packet), and an API Gateway member's answer reaches the node
 * through the store.
 */
class GatewayServerAcksTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern QUESTION = Pattern.compile("^42(\\d+)\\[\"question\"");
    private static final Pattern SID = Pattern.compile("^40\\{\"sid\":\"([^\"]+)\"}");
    private final NodeHarness h = new NodeHarness(true);

    @AfterEach
    void close() {
        h.close();
    }

    private static String first(Supplier<List<String>> frames, Pattern pattern) {
        await().atMost(WAIT).until(() -> frames.get().stream().anyMatch(f -> pattern.matcher(f).find()));
        return frames.get().stream().map(pattern::matcher).filter(Matcher::find).findFirst().orElseThrow().group(1);
    }

    @Test
    void anOwnSessionsAnswerCompletesTheWaitInMemoryWithoutTheStore() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");

        h.send(session, "21[\"ask\",10000]"); // returns at once: the handler composes on the answer
        String id = first(session::sent, QUESTION);
        h.send(session, "3" + id + "[\"yes\"]");

        await().atMost(WAIT).until(() -> session.sent().contains("431[\"yes\"]"));
        DynamoAckStore store = new DynamoAckStore(h.dynamo, h.config.tableName(), Clock.systemUTC());
        assertThat(store.answers(List.of(new AckKey(session.sid(), "/", Long.parseLong(id))))).isEmpty();
    }

    @Test
    void anOwnSessionThatDoesNotAnswerTimesOut() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");

        h.send(session, "21[\"ask\",200]");

        await().atMost(WAIT).until(() -> session.sent().contains("431[\"timeout\"]"));
    }

    @Test
    void aSurveyFromTheNodeGetsAnApiGatewayMembersAnswerThroughTheStoreAndNamesTheSilentOne()
            throws HandshakeRefused {
        FakeSession asker = h.open();
        h.send(asker, "0");
        h.send(asker, "21[\"join\",\"r\"]");
        String talker = h.connectThroughApiGateway();
        String silent = h.connectThroughApiGateway();
        for (String connection : List.of(talker, silent)) {
            h.sendThroughApiGateway(connection, "40");
            h.sendThroughApiGateway(connection, "421[\"join\",\"r\"]");
        }
        String talkerId = first(() -> h.apiGateway.postsTo(talker), SID);
        String silentId = first(() -> h.apiGateway.postsTo(silent), SID);

        h.send(asker, "22[\"survey\",\"r\",1500]");
        h.sendThroughApiGateway(talker, "43" + first(() -> h.apiGateway.postsTo(talker), QUESTION) + "[\"yes\"]");

        await().atMost(WAIT).until(() -> asker.sent().stream().anyMatch(f -> f.startsWith("432[{")));
        assertThat(asker.sent()).anyMatch(f -> f.startsWith("432[{") && f.contains("\"" + talkerId + "\":\"yes\"")
                && f.contains("\"" + silentId + "\":\"silent\""));
    }
}
