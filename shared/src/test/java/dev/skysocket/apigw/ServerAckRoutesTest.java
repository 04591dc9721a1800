package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.AckTimeoutException;
import dev.skysocket.api.SocketApp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server-to-client acks on the API Gateway path, wired as in Lambda over DynamoDB Local: the client's answer is a
 * second {@code $default} invocation, running while the first one waits, and reaches it through the store.
 */
class ServerAckRoutesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern QUESTION = Pattern.compile("^42(\\d+)\\[\"question\"");
    private static final Pattern SID = Pattern.compile("^40\\{\"sid\":\"([^\"]+)\"}");

    /** ask(timeoutMs): asks the sender; survey(timeoutMs): asks the room "r"; both ack what came back. */
    private static final SocketApp APP = io -> io.of("/")
            .on("join", (socket, args, ack) -> {
                socket.join("r");
                ack.send();
            })
            .on("ask", (socket, args, ack) -> socket.timeout(args.get(0).asLong())
                    .emitWithAck("question", "q?")
                    .whenComplete((answer, error) -> ack.send(error == null ? answer.get(0)
                            : "timeout " + ((AckTimeoutException) error).silent())))
            .on("survey", (socket, args, ack) -> socket.to("r").timeout(args.get(0).asLong())
                    .emitWithAck("question", "all?")
                    .whenComplete((answers, error) -> {
                        ObjectNode reply = JsonNodeFactory.instance.objectNode();
                        var got = error == null ? answers : ((AckTimeoutException) error).answers();
                        got.forEach((id, answer) -> reply.set(id, answer.get(0)));
                        if (error != null) {
                            ((AckTimeoutException) error).silent().forEach(id -> reply.put(id, "silent"));
                        }
                        ack.send(reply);
                    }));

    private final RouteHarness routes = new RouteHarness(APP, Map.of());

    @AfterEach
    void close() {
        routes.close();
    }

    private String join() {
        String connection = routes.connect();
        routes.send(connection, "40");
        return connection;
    }

    private String socketId(String connection) {
        await().atMost(WAIT).until(() -> routes.posts(connection).stream().anyMatch(f -> SID.matcher(f).find()));
        return routes.posts(connection).stream().map(SID::matcher).filter(Matcher::find).findFirst()
                .orElseThrow().group(1);
    }

    /** The ack id of the server's {@code question} to this connection, once it has been posted. */
    private String questionId(String connection) {
        await().atMost(WAIT).until(() -> routes.posts(connection).stream().anyMatch(f -> QUESTION.matcher(f).find()));
        return routes.posts(connection).stream().map(QUESTION::matcher).filter(Matcher::find).findFirst()
                .orElseThrow().group(1);
    }

    /** Sends a frame in its own invocation, which may wait for acks: the test goes on meanwhile. */
    private CompletableFuture<Void> sendAsync(String connection, String frame) {
        return CompletableFuture.runAsync(() -> routes.send(connection, frame));
    }

    @Test
    void anAnswerInAnotherInvocationCompletesTheWaitingOne() {
        String client = join();
        CompletableFuture<Void> asking = sendAsync(client, "421[\"ask\",10000]");

        String id = questionId(client);
        assertThat(asking).isNotDone(); // the asking invocation is still alive, waiting
        routes.send(client, "43" + id + "[\"yes\"]");

        await().atMost(WAIT).until(() -> routes.posts(client).contains("431[\"yes\"]"));
        await().atMost(WAIT).until(asking::isDone);
        assertThat(routes.closedByServer(client)).isFalse();
    }

    @Test
    void shouldTimeoutIfTheClientDoesNotAcknowledge() {
        String client = join();
        String socket = socketId(client);

        routes.send(client, "421[\"ask\",300]"); // returns once the wait is over

        assertThat(routes.posts(client)).contains("431[\"timeout [" + socket + "]\"]");
    }

    @Test
    void anAnswerToAnUnknownIdOrASecondAnswerIsIgnoredAndTheConnectionStays() {
        String client = join();
        CompletableFuture<Void> asking = sendAsync(client, "421[\"ask\",10000]");
        String id = questionId(client);
        routes.send(client, "43" + id + "[\"first\"]");
        await().atMost(WAIT).until(asking::isDone);

        routes.send(client, "43" + id + "[\"second\"]");
        routes.send(client, "43123456[\"nobody asked\"]");

        assertThat(routes.posts(client)).contains("431[\"first\"]").noneMatch(f -> f.contains("second"));
        assertThat(routes.closedByServer(client)).isFalse();
        assertThat(routes.stored(client)).isTrue();
    }

    @Test
    void aRoomSurveyCarriesTheAnswersAndNamesTheSilentMember() {
        String asker = join();
        String talker = join();
        String silent = join();
        for (String client : new String[] {asker, talker, silent}) {
            routes.send(client, "421[\"join\"]");
        }
        String talkerId = socketId(talker);
        String silentId = socketId(silent);

        CompletableFuture<Void> surveying = sendAsync(asker, "422[\"survey\",1500]");
        routes.send(talker, "43" + questionId(talker) + "[\"yes\"]");
        questionId(silent); // asked, never answers

        await().atMost(WAIT).until(surveying::isDone);
        assertThat(routes.posts(asker)).anyMatch(f -> f.startsWith("432[{") && f.contains("\"" + talkerId + "\":\"yes\"")
                && f.contains("\"" + silentId + "\":\"silent\""));
        assertThat(routes.posts(asker)).noneMatch(f -> QUESTION.matcher(f).find()); // the sender is left out
    }
}
