package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shutdown hook's body, run directly: no signal is sent. */
class ShutdownDrainTest {
    private final Readiness readiness = new Readiness();
    private final SessionDirectory directory = new SessionDirectory();

    @Test
    void theHookDrainsEverySessionBeforeTheRestOfTheProcessStops() {
        List<ClockedSession> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ClockedSession session = new ClockedSession();
            directory.register(session, 0);
            sessions.add(session);
        }
        AtomicInteger closedWhenStopping = new AtomicInteger(-1);
        DrainController drain = new DrainController(readiness, directory, new DrainSettings(500, 2_000));
        ShutdownDrain hook = new ShutdownDrain(drain, () -> closedWhenStopping.set(
                (int) sessions.stream().filter(s -> s.closes() == 1).count()));

        Optional<DrainReport> report = hook.run();

        assertThat(closedWhenStopping.get()).isEqualTo(20);
        assertThat(report).hasValueSatisfying(r -> assertThat(r.closed()).isEqualTo(20));
        assertThat(readiness.isReady()).isFalse();
    }

    @Test
    void theHookStopsTheProcessEvenWhenADrainCannotFinish() {
        CountDownLatch release = new CountDownLatch(1);
        directory.register(new ClockedSession(release), 0);
        AtomicInteger stopped = new AtomicInteger();
        DrainController drain = new DrainController(readiness, directory, new DrainSettings(100, 200));
        try {
            Optional<DrainReport> report = new ShutdownDrain(drain, stopped::incrementAndGet).run();

            assertThat(stopped.get()).isEqualTo(1);
            assertThat(report).hasValueSatisfying(r -> assertThat(r.complete()).isFalse());
        } finally {
            release.countDown();
        }
    }
}
