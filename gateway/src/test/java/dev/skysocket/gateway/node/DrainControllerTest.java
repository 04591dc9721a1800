package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DrainControllerTest {
    private static final long WINDOW_MS = 2_000;
    private static final long GRACE_MS = 3_000;

    private final Readiness readiness = new Readiness();
    private final SessionDirectory directory = new SessionDirectory();
    private DrainController drain = new DrainController(readiness, directory, new DrainSettings(WINDOW_MS, GRACE_MS));

    @AfterEach
    void stop() {
        drain.close();
    }

    private List<ClockedSession> register(int count) {
        List<ClockedSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClockedSession session = new ClockedSession();
            directory.register(session, 0);
            sessions.add(session);
        }
        return sessions;
    }

    @Test
    void twoHundredSessionsAreAllClosedWithinTheWindowAndSpreadAcrossIt() throws Exception {
        List<ClockedSession> sessions = register(200);
        long start = System.nanoTime();

        DrainReport report = drain.drain().get(WINDOW_MS + GRACE_MS + 5_000, TimeUnit.MILLISECONDS);

        assertThat(sessions).allSatisfy(s -> assertThat(s.closes()).isEqualTo(1));
        List<Long> offsets = sessions.stream()
                .map(s -> TimeUnit.NANOSECONDS.toMillis(s.closedAtNanos() - start)).toList();
        assertThat(offsets).hasSize(200);
        // Not a storm: closes are not bunched at the start; half the slots lie in the second half of the window.
        assertThat(offsets.stream().filter(o -> o >= WINDOW_MS / 10).count()).isGreaterThan(150);
        assertThat(offsets.stream().filter(o -> o >= WINDOW_MS / 2).count()).isGreaterThanOrEqualTo(90);
        assertThat(offsets).allSatisfy(o -> assertThat(o).isLessThan(WINDOW_MS + GRACE_MS));
        assertThat(report.closed()).isEqualTo(200);
        assertThat(report.complete()).isTrue();
        assertThat(report.medianOffsetMs()).isGreaterThanOrEqualTo(WINDOW_MS / 10);
        assertThat(report.minOffsetMs()).isLessThanOrEqualTo(report.medianOffsetMs());
        assertThat(report.maxOffsetMs()).isGreaterThanOrEqualTo(report.medianOffsetMs());
    }

    @Test
    void readinessTurnsFalseAtOnceAndASecondDrainIsTheSameDrain() {
        register(3);
        CompletableFuture<DrainReport> first = drain.drain();
        assertThat(readiness.isReady()).isFalse();
        assertThat(drain.drain()).isSameAs(first);
    }

    @Test
    void aSessionThatLeftByItselfIsNotClosedAgain() throws Exception {
        List<ClockedSession> sessions = register(2);
        sessions.get(0).leave();

        DrainReport report = drain.drain().get(10, TimeUnit.SECONDS);

        assertThat(sessions.get(0).closes()).isZero();
        assertThat(sessions.get(1).closes()).isEqualTo(1);
        assertThat(report.closed()).isEqualTo(1);
    }

    @Test
    void aSessionThatArrivedAfterTheDrainBeganIsClosedBeforeItEnds() throws Exception {
        register(5);
        CompletableFuture<DrainReport> done = drain.drain();
        ClockedSession late = new ClockedSession();
        directory.register(late, 0);

        DrainReport report = done.get(10, TimeUnit.SECONDS);

        assertThat(late.closes()).isEqualTo(1);
        assertThat(report.closed()).isEqualTo(6);
    }

    @Test
    void aNodeWithoutSessionsFinishesItsDrainWithNothingClosed() throws Exception {
        DrainReport report = drain.drain().get(10, TimeUnit.SECONDS);
        assertThat(report).isEqualTo(new DrainReport(0, 0, 0, 0, true));
    }

    @Test
    void aCloseThatHangsDoesNotHoldTheDrainPastItsBound() throws Exception {
        drain.close();
        drain = new DrainController(readiness, directory, new DrainSettings(200, 300));
        CountDownLatch release = new CountDownLatch(1);
        directory.register(new ClockedSession(release), 0);
        directory.register(new ClockedSession(release), 0);
        try {
            DrainReport report = drain.drain().get(10, TimeUnit.SECONDS);
            assertThat(report.complete()).isFalse();
            assertThat(report.closed()).isZero();
        } finally {
            release.countDown();
        }
    }

    @Test
    void theWindowMustLeaveTimeBeforeFargateKillsTheTask() {
        assertThat(DrainSettings.from(Settings.of(Map.of())).windowMs()).isEqualTo(60_000);
        assertThat(DrainSettings.from(Settings.of(Map.of("skysocket.drain-window-ms", "100000"))).boundMs())
                .isEqualTo(110_000);
        assertThatThrownBy(() -> DrainSettings.from(Settings.of(Map.of("skysocket.drain-window-ms", "120000"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SKYSOCKET_DRAIN_WINDOW_MS");
        assertThatThrownBy(() -> DrainSettings.from(Settings.of(Map.of("skysocket.drain-window-ms", "0"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
