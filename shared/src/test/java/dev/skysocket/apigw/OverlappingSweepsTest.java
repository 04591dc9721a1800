package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.DisconnectReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two heartbeat sweeps at the same moment, as when a run covering the next run's minute overlaps that run, on
 * DynamoDB Local: both find the same connections due, and each connection still gets one ping (or one rotation).
 */
class OverlappingSweepsTest {
    private static final int CONNECTIONS = 60;

    private final RecordingApp app = new RecordingApp();
    private final RouteHarness routes = new RouteHarness(app, Map.of());

    @AfterEach
    void close() {
        routes.close();
    }

    @Test
    void twoSweepsAtOnceSendEachDueConnectionOnePing() throws Exception {
        List<String> ids = connectAll();
        routes.clock.advance(Duration.ofMillis(routes.config.pingIntervalMs()));

        List<SweepReport> reports = sweepTwiceAtOnce();

        for (String id : ids) {
            assertThat(routes.posts(id).stream().filter("2"::equals)).as(id).hasSize(1);
        }
        assertThat(reports.get(0).pinged() + reports.get(1).pinged()).isEqualTo(CONNECTIONS);
    }

    @Test
    void twoSweepsAtOnceRotateEachOldConnectionOnce() throws Exception {
        List<String> ids = connectAll();
        routes.clock.advance(Duration.ofMillis(routes.config.maxConnectionAgeMs()));

        List<SweepReport> reports = sweepTwiceAtOnce();

        assertThat(reports.get(0).rotated() + reports.get(1).rotated()).isEqualTo(CONNECTIONS);
        assertThat(app.disconnects).hasSize(CONNECTIONS).containsOnly(DisconnectReason.TRANSPORT_CLOSE);
        assertThat(ids).noneMatch(routes::stored);
    }

    private List<String> connectAll() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            String id = routes.connect();
            routes.send(id, "40");
            ids.add(id);
        }
        return ids;
    }

    private List<SweepReport> sweepTwiceAtOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<SweepReport>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return routes.runtime.heartbeat().run();
            }));
        }
        List<SweepReport> reports = new ArrayList<>();
        for (CompletableFuture<SweepReport> run : runs) {
            reports.add(run.get(60, TimeUnit.SECONDS));
        }
        return reports;
    }
}
