package dev.skysocket.gateway.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final SerialExecutor serial = new SerialExecutor(pool);
    private final List<Integer> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runnablesRunInSubmissionOrder() {
        for (int i = 0; i < 200; i++) {
            int n = i;
            serial.execute(() -> ran.add(n));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 200);
        assertThat(ran).isSorted();
    }

    @Test
    void aPendingStageHoldsBackTheNextTaskUntilItCompletes() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        serial.submit(() -> {
            ran.add(1);
            return first;
        });
        serial.execute(() -> ran.add(2));

        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 1);
        assertThat(ran).containsExactly(1);  // the second must not start while the first's stage is pending

        first.complete(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 2);
        assertThat(ran).containsExactly(1, 2);
    }

    @Test
    void aFailingTaskDoesNotStopTheQueue() {
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("failed stage")));
        serial.execute(() -> ran.add(3));

        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 1);
        assertThat(ran).containsExactly(3);
    }

    @Test
    void aStoppedPoolDropsTheQueueInsteadOfThrowing() {
        pool.shutdown();

        serial.execute(() -> ran.add(1));

        assertThat(ran).isEmpty();
    }
}
