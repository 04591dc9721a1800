package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heartbeat closes an API Gateway connection that joined no namespace within the connect timeout. */
class ConnectDeadlineTest {
    private final RecordingApp app = new RecordingApp();
    private final RouteHarness routes = new RouteHarness(app, Map.of("skysocket.connect-timeout-ms", "30000"));

    @AfterEach
    void close() {
        routes.close();
    }

    @Test
    void theFirstVisitPastTheTimeoutClosesAConnectionWithoutASocketOnly() {
        String silent = routes.connect();
        String joined = routes.connect();
        routes.send(joined, "40");

        routes.clock.advance(Duration.ofSeconds(25));
        routes.runtime.heartbeat().run();  // a ping round before the timeout: both are pinged
        assertThat(routes.posts(silent)).last().isEqualTo("2");
        assertThat(routes.closedByServer(silent)).isFalse();
        routes.send(silent, "3");
        routes.send(joined, "3");

        routes.clock.advance(Duration.ofSeconds(25));
        routes.runtime.heartbeat().run();  // the next one, past the 30 s timeout
        assertThat(routes.closedByServer(silent)).isTrue();
        assertThat(routes.stored(silent)).isFalse();
        assertThat(routes.closedByServer(joined)).isFalse();
        assertThat(routes.posts(joined)).last().isEqualTo("2");
    }

    @Test
    void aConnectionThatLeftItsOnlyNamespaceLongAfterTheTimeoutIsNotClosedByIt() {
        String id = routes.connect();
        routes.send(id, "40");
        for (int round = 0; round < 3; round++) {
            routes.clock.advance(Duration.ofSeconds(25));
            routes.runtime.heartbeat().run();
            routes.send(id, "3");
        }
        routes.send(id, "41");  // 75 s in: past the window the timeout is checked in
        routes.clock.advance(Duration.ofSeconds(25));
        routes.runtime.heartbeat().run();
        assertThat(routes.closedByServer(id)).isFalse();
    }
}
