package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import java.io.InputStream;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections that say nothing are closed after a bound derived from the heartbeat, not kept forever. */
class IdleConnectionHttpTest {
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        SkysocketConfig d = SkysocketConfig.defaults();
        SkysocketConfig fast = new SkysocketConfig(100, 100, d.maxPayload(), 100, d.maxConnectionAgeMs(),
                d.tableName(), d.allowedOrigins(), d.defaultTenant(), d.fanoutConcurrency(), d.roomShards(),
                d.codecLimits());
        engine = new EngineServer(EngineOptions.of(fast), new RecordingListener());
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @Test
    void aConnectionThatNeverSendsARequestIsClosedByTheServer() throws Exception {
        try (Socket silent = new Socket("127.0.0.1", server.port())) {
            silent.setSoTimeout(20_000); // far past the 400 ms bound: a read that times out fails the test
            InputStream in = silent.getInputStream();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void theIdleBoundLeavesRoomForAHeldPollAndAPingCycle() {
        SkysocketConfig d = SkysocketConfig.defaults();
        assertThat(EngineHttpServer.idleTimeoutMs(d)).isGreaterThan(d.pingIntervalMs() + d.pingTimeoutMs());
    }
}
