package dev.skysocket.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skysocket.apigw.AsyncInvoker;
import dev.skysocket.apigw.OpenRequest;
import dev.skysocket.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local open-step pool is bounded: with its one worker busy and its one queue slot taken, a further open step
 * is dropped (counted, never run), and the queued one still runs once the worker is free.
 */
class OpenStepsTest {

    @Test
    void anOpenStepPastTheQueueIsDroppedAndTheQueuedOneStillRuns() {
        CountDownLatch release = new CountDownLatch(1);
        List<String> started = new CopyOnWriteArrayList<>();
        try (OpenSteps steps = new OpenSteps(new OpenSteps.Limits(1, 1))) {
            AsyncInvoker invoker = steps.invoker(request -> {
                started.add(request.connectionId());
                release.await(20, TimeUnit.SECONDS);  // as an open step retrying a 410
            });
            invoker.invokeOpen(new OpenRequest("a", "http://127.0.0.1:1/dev"));
            await().atMost(Duration.ofSeconds(10)).until(() -> started.contains("a"));
            invoker.invokeOpen(new OpenRequest("b", "http://127.0.0.1:1/dev"));  // waits in the queue
            invoker.invokeOpen(new OpenRequest("c", "http://127.0.0.1:1/dev"));  // no room: dropped

            assertThat(steps.dropped()).isEqualTo(1);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 2);
            assertThat(started).containsExactly("a", "b");
            assertThat(steps.dropped()).isEqualTo(1);
        }
    }

    @Test
    void theLimitsComeFromTheSettingsAndMustBePositive() {
        assertThat(OpenSteps.Limits.from(Settings.of(Map.of()))).isEqualTo(new OpenSteps.Limits(64, 5_000));
        assertThat(OpenSteps.Limits.from(Settings.of(Map.of("skysocket.local-open-workers", "2",
                "skysocket.local-open-queue", "3")))).isEqualTo(new OpenSteps.Limits(2, 3));
        assertThatThrownBy(() -> OpenSteps.Limits.from(Settings.of(Map.of("skysocket.local-open-queue", "0"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("skysocket.local-open-queue");
    }
}
