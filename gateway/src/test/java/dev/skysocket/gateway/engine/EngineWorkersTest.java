package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two lanes: sessions ending together neither refuse nor delay the sessions arriving. */
class EngineWorkersTest {
    private final EngineWorkers workers = new EngineWorkers(1, 2);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        workers.shutdown(5);
    }

    @Test
    void endedSessionsQueuedBeyondTheLimitDoNotSaturate() throws Exception {
        occupyTheOnlyThread();
        for (int i = 0; i < 50; i++) {
            workers.cleanup(() -> { });
        }
        assertThat(workers.queued()).isEqualTo(50);
        assertThat(workers.saturated()).isFalse();
        workers.execute(() -> { });
        workers.execute(() -> { });
        assertThat(workers.saturated()).isTrue();
    }

    @Test
    void aFirstLaneTaskRunsBeforeEveryWaitingCleanupAndEachLaneKeepsItsOrder() throws Exception {
        occupyTheOnlyThread();
        List<String> ran = new CopyOnWriteArrayList<>();
        workers.cleanup(() -> ran.add("end-1"));
        workers.cleanup(() -> ran.add("end-2"));
        workers.execute(() -> ran.add("handshake-1"));
        workers.cleanup(() -> ran.add("end-3"));
        workers.execute(() -> ran.add("handshake-2"));
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 5);
        assertThat(ran).containsExactly("handshake-1", "handshake-2", "end-1", "end-2", "end-3");
        assertThat(workers.saturated()).isFalse();
    }

    private void occupyTheOnlyThread() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        workers.execute(() -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
