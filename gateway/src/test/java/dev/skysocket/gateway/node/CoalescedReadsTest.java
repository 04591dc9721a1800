package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callers share a read only when it began after they asked; a slow read gathers the callers behind it. */
class CoalescedReadsTest {
    private final CoalescedReads<String, Integer> reads = new CoalescedReads<>();
    private final AtomicInteger started = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void callersOneAfterAnotherEachReadAgain() {
        assertThat(reads.read("room", started::incrementAndGet)).isEqualTo(1);
        assertThat(reads.read("room", started::incrementAndGet)).isEqualTo(2);
        assertThat(reads.pendingKeys()).isZero();
    }

    @Test
    void callersArrivingDuringAReadShareTheNextOneNeverTheOneInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> reads.read("room", () -> {
            int n = started.incrementAndGet();
            awaitRelease(release);
            return n;
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 1);
        List<Future<Integer>> later = new ArrayList<>();
        AtomicInteger asked = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            later.add(pool.submit(() -> {
                asked.incrementAndGet();
                return reads.read("room", started::incrementAndGet);
            }));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() == 5);
        // Every later caller is parked behind the read in flight before it ends (none may start its own).
        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 1 && waitingThreads() >= 5);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> f : later) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(started.get()).isEqualTo(2);
        assertThat(reads.pendingKeys()).isZero();
    }

    @Test
    void everyCallerOfABusyKeyGetsAnAnswerWithAllThreadsReadingIt() throws Exception {
        // As on a node whose every worker emits into one room: none may be left waiting on a read nobody starts.
        List<Future<?>> callers = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        for (int t = 0; t < 8; t++) {
            callers.add(pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    reads.read("room", () -> {
                        Thread.yield();
                        return started.incrementAndGet();
                    });
                    answered.incrementAndGet();
                }
            }));
        }
        for (Future<?> caller : callers) {
            caller.get(60, TimeUnit.SECONDS);
        }
        assertThat(answered.get()).isEqualTo(16_000);
        assertThat(started.get()).isBetween(1, 16_000);
        assertThat(reads.pendingKeys()).isZero();
    }

    @Test
    void otherKeysAreNotHeldBehindASlowOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> slow = pool.submit(() -> reads.read("slow", () -> {
            awaitRelease(release);
            return 0;
        }));
        assertThat(reads.read("other", () -> 7)).isEqualTo(7);
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aFailedReadFailsItsOwnCallersOnlyAndTheNextReadRuns() {
        assertThatThrownBy(() -> reads.read("room", () -> {
            throw new IllegalStateException("store down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store down");
        assertThat(reads.read("room", () -> 3)).isEqualTo(3);
    }

    private long waitingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
                .filter(t -> List.of(t.getStackTrace()).stream()
                        .anyMatch(f -> f.getClassName().equals(CoalescedReads.class.getName())))
                .count();
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
