package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.local.LocalRunner;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A load test's burst against the local stack: N bare clients connect, then all close together, and a stock
 * socket.io-client (reconnection on) connecting right after must get an echo back within 30 s, once on the
 * fallback gateway and once through the API Gateway emulator. Refusals during the burst (503 on the gateway, 429
 * on the emulator) are expected and counted; a wedged node is not. N is {@code -Dskysocket.it.burst} (default
 * 1,000, sized for CI); the emulator's burst is capped at {@link #MAX_WEBSOCKETS} because both ends of every
 * websocket live in this JVM. Figures go to the log for docs/benchmarks.md.
 */
@Timeout(300)
class BurstRecoveryIT {
    private static final System.Logger LOG = System.getLogger(BurstRecoveryIT.class.getName());
    private static final int N = Integer.parseInt(System.getProperty("skysocket.it.burst", "1000"));
    /** Two descriptors per websocket, under a 20,000 descriptor limit with room for the rest. */
    static final int MAX_WEBSOCKETS = 8_000;
    private LocalRunner runner;

    @BeforeAll
    static void localOnly() {
        TestStack.assumeLocal("a burst on loopback");
    }

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    /**
     * The bare clients never poll or pong: a ping interval longer than the burst keeps their sessions open. No
     * local query identity: on AWS no authorizer shares the integration's capacity, so none runs in the emulator.
     */
    private LocalRunner stack() {
        return TestStack.start(Map.of("skysocket.ping-interval-ms", "120000", "skysocket.ping-timeout-ms", "20000",
                "skysocket.local-query-identity", "false"));
    }

    @Test
    void theFallbackGatewayServesAStockClientSoonAfterABurstOfClosesAndReportsHealthy() throws Exception {
        runner = stack();
        String gateway = runner.gatewayUrl();
        try (BurstClients burst = new BurstClients()) {
            long start = System.nanoTime();
            burst.connectPolling(gateway, N);
            long connectedAt = System.nanoTime();
            burst.closePolling();
            JsonNode after = NodeScenario.of("after-burst.mjs", gateway).clientSetup("default")
                    .timeout(Duration.ofSeconds(60)).run().succeeded();
            long recovered = System.nanoTime();
            report("gateway", burst, start, connectedAt, recovered, after);
            assertThat(burst.connected.get()).as("some of the burst got through").isPositive();
            assertThat(burst.failed).as("clients neither connected nor refused with 503").hasValue(0);
            assertThat(after.path("connectedMs").asDouble()).isLessThan(30_000);
        }
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(gateway
                + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    @Test
    void theEmulatorServesAStockClientSoonAfterABurstOfCloses() throws Exception {
        runner = stack();
        int n = Math.min(N, MAX_WEBSOCKETS);
        try (BurstClients burst = new BurstClients()) {
            long start = System.nanoTime();
            burst.connectWebSockets(runner.websocketUrl() + TestStack.path(runner), n);
            long connectedAt = System.nanoTime();
            burst.closeWebSockets();
            JsonNode after = NodeScenario.of("after-burst.mjs", runner.websocketUrl(), TestStack.path(runner))
                    .timeout(Duration.ofSeconds(60)).run().succeeded();
            long recovered = System.nanoTime();
            report("emulator", burst, start, connectedAt, recovered, after);
            assertThat(burst.connected.get()).as("some of the burst got through").isPositive();
            assertThat(burst.failed).as("upgrades neither accepted nor refused with 429").hasValue(0);
            assertThat(after.path("connectedMs").asDouble()).isLessThan(30_000);
        }
    }

    private static void report(String path, BurstClients burst, long start, long connectedAt, long recovered,
                               JsonNode after) {
        LOG.log(Level.INFO, "event=burst_recovery path={0} clients={1} connected={2} refused={3} failed={4} "
                        + "connect_phase_ms={5} close_to_echo_ms={6} stock_client_attempts={7} "
                        + "stock_client_connect_ms={8}",
                path, String.valueOf(burst.connected.get() + burst.refused.get() + burst.failed.get()),
                String.valueOf(burst.connected.get()), String.valueOf(burst.refused.get()),
                String.valueOf(burst.failed.get()), String.valueOf((connectedAt - start) / 1_000_000),
                String.valueOf((recovered - connectedAt) / 1_000_000), String.valueOf(after.path("attempts").asInt()),
                String.valueOf(Math.round(after.path("connectedMs").asDouble())));
    }
}
