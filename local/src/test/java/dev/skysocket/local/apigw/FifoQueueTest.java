package dev.skysocket.local.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FifoQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    /** Every batch the consumer got, and the future that ends it (completed by the test). */
    private final List<List<FifoQueue.Message>> batches = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Set<String>>> pending = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void aGroupHasOneBatchInFlightAndItsMessagesComeInSendOrder() {
        FifoQueue queue = queue(new OrderedDeliverySettings(10, Duration.ZERO, 3), this::held);
        for (int i = 0; i < 25; i++) {
            send(queue, "a", "a" + i);
        }
        send(queue, "b", "b0");
        // An idle group's first message goes at once; a's next batch waits for it, b's runs beside it.
        assertThat(batches).hasSize(2);
        assertThat(bodies(batches.get(0))).containsExactly("a0");
        assertThat(bodies(batches.get(1))).containsExactly("b0");
        pending.get(0).complete(Set.of());
        assertThat(batches).hasSize(3);
        assertThat(bodies(batches.get(2))).containsExactly("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9",
                "a10");
        pending.get(2).complete(Set.of());
        assertThat(bodies(batches.get(3))).first().isEqualTo("a11");
        pending.get(3).complete(Set.of());
        assertThat(bodies(batches.get(4))).containsExactly("a21", "a22", "a23", "a24");
        pending.get(4).complete(Set.of());
        pending.get(1).complete(Set.of());
        assertThat(batches).hasSize(5);
        assertThat(queue.pending()).isZero();
    }

    @Test
    void reportedFailuresComeBackFirstAfterTheVisibilityTimeoutAndTheGroupWaitsForThem() {
        FifoQueue queue = queue(new OrderedDeliverySettings(10, Duration.ofMillis(200), 3), this::held);
        send(queue, "a", "a0");
        send(queue, "a", "a1");
        send(queue, "a", "a2");
        pending.get(0).complete(Set.of());
        assertThat(bodies(batches.get(1))).containsExactly("a1", "a2");
        pending.get(1).complete(Set.of(batches.get(1).get(0).id(), batches.get(1).get(1).id()));
        send(queue, "a", "a3");
        assertThat(batches).hasSize(2);  // invisible: a3 waits behind a1 and a2
        await().atMost(WAIT).until(() -> batches.size() == 3);
        assertThat(bodies(batches.get(2))).containsExactly("a1", "a2", "a3");
        assertThat(batches.get(2).get(0).receiveCount()).isEqualTo(2);
        assertThat(batches.get(2).get(2).receiveCount()).isEqualTo(1);
    }

    @Test
    void aMessageThatKeepsFailingMovesToTheDeadLettersAndTheGroupGoesOn() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        // Like the ordered route: a failure fails the rest of the batch too.
        FifoQueue queue = queue(new OrderedDeliverySettings(10, Duration.ZERO, 3), batch -> {
            bodies(batch).forEach(delivered::add);
            return CompletableFuture.completedFuture(batch.get(0).body().equals("poison")
                    ? Set.of(batch.stream().map(FifoQueue.Message::id).toArray(String[]::new)) : Set.of());
        });
        send(queue, "a", "poison");
        send(queue, "a", "after");
        await().atMost(WAIT).until(() -> queue.pending() == 0);
        assertThat(delivered.stream().filter("poison"::equals)).hasSize(3);
        assertThat(delivered).last().isEqualTo("after");
        assertThat(queue.deadLetters()).extracting(FifoQueue.Message::body).containsExactly("poison");
    }

    @Test
    void aConsumerThatFailsAsAWholeGetsTheWholeBatchAgain() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        FifoQueue queue = queue(new OrderedDeliverySettings(10, Duration.ZERO, 3), batch -> {
            bodies(batch).forEach(delivered::add);
            return delivered.size() == 1 ? CompletableFuture.failedFuture(new IllegalStateException("timed out"))
                    : CompletableFuture.completedFuture(Set.of());
        });
        queue.send("1", "a", "x", Map.of());
        queue.send("2", "a", "y", Map.of());
        await().atMost(WAIT).until(() -> queue.pending() == 0);
        assertThat(delivered).containsExactly("x", "x", "y");
    }

    @Test
    void anUnknownItemIdInTheResponseFailsTheWholeBatchAsLambdaDoes() {
        SqsEvents events = new SqsEvents();
        List<FifoQueue.Message> batch = List.of(new FifoQueue.Message("m1", "a", "x", Map.of(), 0, 1, 1));
        assertThat(events.failures("{\"batchItemFailures\":[{\"itemIdentifier\":\"nope\"}]}", batch)).isNull();
        assertThat(events.failures("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}", batch))
                .containsExactly("m1");
        assertThat(events.failures("{\"batchItemFailures\":[]}", batch)).isEmpty();
        assertThat(events.failures(null, batch)).isEmpty();
    }

    @Test
    void framesSqsWouldRefuseAreNotQueued() {
        assertThat(SqsEvents.acceptable("42[\"x\",\"日本 😀\"]")).isTrue();
        assertThat(SqsEvents.acceptable("")).isFalse();
        assertThat(SqsEvents.acceptable("42[\"\uFFFF\"]")).isFalse();
        assertThat(SqsEvents.acceptable("42[\"\u0001\"]")).isFalse();
    }

    private CompletableFuture<Set<String>> held(List<FifoQueue.Message> batch) {
        CompletableFuture<Set<String>> done = new CompletableFuture<>();
        batches.add(batch);
        pending.add(done);
        return done;
    }

    private FifoQueue queue(OrderedDeliverySettings settings,
                            Function<List<FifoQueue.Message>, java.util.concurrent.CompletionStage<Set<String>>> c) {
        return new FifoQueue(settings, c::apply, timers);
    }

    private static void send(FifoQueue queue, String group, String body) {
        queue.send(java.util.UUID.randomUUID().toString(), group, body, Map.of());
    }

    private static List<String> bodies(List<FifoQueue.Message> batch) {
        return batch.stream().map(FifoQueue.Message::body).toList();
    }
}
