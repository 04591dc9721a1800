package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.skysocket.api.AckTimeoutException;
import dev.skysocket.api.Args;
import dev.skysocket.store.AckKey;
import dev.skysocket.store.dynamodb.DynamoAckStore;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Waits for clients' acks: matching, timeouts, aggregation, and answers that travel through DynamoDB Local. */
class ServerAcksTest {
    private static final DynamoDbClient client = DynamoDbLocalServer.client();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterAll
    static void close() {
        client.close();
    }

    private static Args args(String text) {
        return Args.of(List.of(TextNode.valueOf(text)));
    }

    /** Args has no equals: compare the JSON values. */
    private static Map<String, List<com.fasterxml.jackson.databind.JsonNode>> values(Map<String, Args> answers) {
        Map<String, List<com.fasterxml.jackson.databind.JsonNode>> values = new java.util.HashMap<>();
        answers.forEach((socket, args) -> values.put(socket, args.asList()));
        return values;
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> v(String text) {
        return List.of(TextNode.valueOf(text));
    }

    private static Throwable failure(CompletableFuture<?> result) {
        await().atMost(WAIT).until(result::isDone);
        try {
            result.get();
            throw new AssertionError("completed normally: " + result.join());
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAnswerCompletesOnlyTheWaitOfItsConnectionNamespaceAndId() {
        ServerAcks acks = ServerAcks.inMemory(Clock.systemUTC());
        AckKey key = new AckKey("c1", "/", 5);
        AckWait wait = acks.await(Map.of(key, "s1"), Set.of(key), 5_000);

        acks.answer("c1", "/admin", 5, args("wrong namespace"));
        acks.answer("c1", "/", 6, args("wrong id"));
        acks.answer("c2", "/", 5, args("wrong connection"));
        assertThat(wait.done()).isFalse();

        acks.answer("c1", "/", 5, args("yes"));
        assertThat(values(wait.result().join())).containsExactly(Map.entry("s1", v("yes")));
    }

    @Test
    void shouldTimeoutIfTheClientDoesNotAcknowledge() {
        ServerAcks acks = ServerAcks.inMemory(Clock.systemUTC());
        AckKey key = new AckKey("c1", "/", 5);
        AckWait wait = acks.await(Map.of(key, "s1"), Set.of(key), 100);

        Throwable error = failure(wait.result());

        assertThat(error).isInstanceOf(AckTimeoutException.class);
        assertThat(((AckTimeoutException) error).silent()).containsExactly("s1");
    }

    @Test
    void anUnknownLateOrRepeatedAnswerIsIgnored() {
        ServerAcks acks = ServerAcks.inMemory(Clock.systemUTC());
        assertThatCode(() -> acks.answer("c1", "/", 99, args("nobody waits"))).doesNotThrowAnyException();
        AckKey key = new AckKey("c1", "/", 5);
        AckWait wait = acks.await(Map.of(key, "s1"), Set.of(key), 5_000);

        acks.answer("c1", "/", 5, args("first"));
        acks.answer("c1", "/", 5, args("second"));

        assertThat(values(wait.result().join())).containsEntry("s1", v("first"));
        AckWait late = acks.await(Map.of(new AckKey("c1", "/", 6), "s1"), Set.of(new AckKey("c1", "/", 6)), 50);
        failure(late.result());
        assertThatCode(() -> acks.answer("c1", "/", 6, args("too late"))).doesNotThrowAnyException();
    }

    @Test
    void aBroadcastCompletesWithTheAnswerOfEveryRecipient() {
        ServerAcks acks = ServerAcks.inMemory(Clock.systemUTC());
        AckKey a = new AckKey("ca", "/", 3);
        AckKey b = new AckKey("cb", "/", 3);
        AckWait wait = acks.await(Map.of(a, "sa", b, "sb"), Set.of(a, b), 5_000);

        acks.answer("cb", "/", 3, args("from b"));
        assertThat(wait.done()).isFalse();
        acks.answer("ca", "/", 3, args("from a"));

        assertThat(values(wait.result().join())).containsOnly(Map.entry("sa", v("from a")), Map.entry("sb", v("from b")));
    }

    @Test
    void aBroadcastTimeoutNamesTheSilentSocketsAndCarriesTheAnswersReceived() {
        ServerAcks acks = ServerAcks.inMemory(Clock.systemUTC());
        AckKey a = new AckKey("ca", "/", 3);
        AckKey b = new AckKey("cb", "/", 3);
        AckWait wait = acks.await(Map.of(a, "sa", b, "sb"), Set.of(a, b), 200);

        acks.answer("ca", "/", 3, args("from a"));

        AckTimeoutException timeout = (AckTimeoutException) failure(wait.result());
        assertThat(timeout.silent()).containsExactly("sb");
        assertThat(values(timeout.answers())).containsExactly(Map.entry("sa", v("from a")));
    }

    @Test
    void aBroadcastToNobodyCompletesAtOnceWithNoAnswers() {
        AckWait wait = ServerAcks.inMemory(Clock.systemUTC()).await(Map.of(), Set.of(), 5_000);

        assertThat(wait.result().join()).isEmpty();
    }

    @Test
    void anAnswerInAnotherInvocationReachesTheWaiterThroughTheStoreAndIsThenDeleted() {
        DynamoAckStore store = new DynamoAckStore(client, DynamoDbLocalServer.freshTable(client, "acks"),
                Clock.systemUTC());
        ServerAcks waiting = ServerAcks.overStore(store, Clock.systemUTC());
        ServerAcks answering = ServerAcks.overStore(store, Clock.systemUTC()); // another Lambda instance
        AckKey key = new AckKey("c1", "/", 77);
        AckWait wait = waiting.await(Map.of(key, "s1"), Set.of(key), 5_000);

        answering.answer("c1", "/", 77, args("yes"));

        await().atMost(WAIT).until(wait::done);
        assertThat(values(wait.result().join())).containsEntry("s1", v("yes"));
        await().atMost(WAIT).until(() -> store.answers(List.of(key)).isEmpty());
    }

    @Test
    void aGatewayNodeTakesItsOwnSessionsAnswersInMemoryAndOtherNodesThroughTheStore() {
        DynamoAckStore store = new DynamoAckStore(client, DynamoDbLocalServer.freshTable(client, "acks"),
                Clock.systemUTC());
        ServerAcks node = ServerAcks.holdingSessions(store, Clock.systemUTC());
        ServerAcks otherNode = ServerAcks.holdingSessions(store, Clock.systemUTC());
        AckKey mine = new AckKey("local", "/", 8);
        AckKey theirs = new AckKey("remote", "/", 8);
        AckWait wait = node.await(Map.of(mine, "s-local", theirs, "s-remote"), Set.of(mine), 5_000);

        node.answer("local", "/", 8, args("here"));
        assertThat(store.answers(List.of(mine))).isEmpty(); // completed in memory, nothing written
        otherNode.answer("remote", "/", 8, args("there")); // no wait for it on that node: goes to the store

        await().atMost(WAIT).until(wait::done);
        assertThat(values(wait.result().join())).containsOnly(Map.entry("s-local", v("here")),
                Map.entry("s-remote", v("there")));
    }

    @Test
    void anAnswerNobodyWaitsForIsStoredOnlyUntilItsShortTtl() {
        String table = DynamoDbLocalServer.freshTable(client, "acks");
        DynamoAckStore store = new DynamoAckStore(client, table, Clock.systemUTC());
        ServerAcks.overStore(store, Clock.systemUTC()).answer("c1", "/", 12, args("stray"));

        var item = client.getItem(r -> r.tableName(table).consistentRead(true)
                .key(dev.skysocket.store.dynamodb.DynamoSchema.ackKey("c1", "/", 12))).item();

        long expiresAt = Long.parseLong(item.get("expiresAt").n());
        assertThat(expiresAt).isBetween(Clock.systemUTC().millis() / 1000,
                Clock.systemUTC().millis() / 1000 + ServerAcks.ANSWER_TTL_SECONDS);
    }

    @Test
    void withinAnInvocationAWaitWithoutTimeoutEndsWithTheRemainingTimeAndIsOverWhenTheInvocationReturns() {
        DynamoAckStore store = new DynamoAckStore(client, DynamoDbLocalServer.freshTable(client, "acks"),
                Clock.systemUTC());
        ServerAcks acks = ServerAcks.overStore(store, Clock.systemUTC());
        AckKey key = new AckKey("c1", "/", 13);

        AckWait wait = acks.withinInvocation(ServerAcks.INVOCATION_MARGIN_MS + 200,
                () -> acks.await(Map.of(key, "s1"), Set.of(key), 0));

        assertThat(wait.done()).isTrue();
        assertThat(failure(wait.result())).isInstanceOf(AckTimeoutException.class);
    }

    @Test
    void ackIdsStayWithinWhatTheDecoderAccepts() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(AckIds.next()).isBetween(1L, (long) Integer.MAX_VALUE);
        }
    }

    @Test
    void pollingBacksOffFromTwentyMillisecondsToItsCap() {
        assertThat(List.of(AckPolling.delayMs(0), AckPolling.delayMs(1), AckPolling.delayMs(2), AckPolling.delayMs(3),
                AckPolling.delayMs(4), AckPolling.delayMs(40))).containsExactly(20L, 40L, 80L, 160L, 250L, 250L);
    }
}
