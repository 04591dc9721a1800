package dev.skysocket.it;

import dev.skysocket.config.Settings;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.gateway.local.LocalRunner;
import dev.skysocket.server.SocketApp;
import java.util.Map;

/**
 * The local stack as the integration tests run it: ephemeral ports, stage {@code dev}, and heartbeat timers
 * short enough that ping timeouts and idle periods fit in a test.
 */
final class TestStack {
    static final long PING_INTERVAL_MS = 1000;
    // Generous against a loaded 2-core CI machine: the client gives up after interval + timeout without a ping.
    static final long PING_TIMEOUT_MS = 3000;
    static final long SWEEP_PERIOD_MS = 200;

    private TestStack() {
    }

    static Map<String, String> settings() {
        return Map.of(
                "skysocket.apigw-port", "0",
                "skysocket.gateway-port", "0",
                "skysocket.gateway-management-port", "0",
                "skysocket.dynamodb-port", "0",
                "skysocket.stage", "dev",
                "skysocket.ping-interval-ms", Long.toString(PING_INTERVAL_MS),
                "skysocket.ping-timeout-ms", Long.toString(PING_TIMEOUT_MS),
                "skysocket.sweep-period-ms", Long.toString(SWEEP_PERIOD_MS),
                "skysocket.admin-token", "admin-secret");
    }

    /** The example app. */
    static LocalRunner start() {
        return LocalRunner.start(Settings.of(settings()));
    }

    /** The example app with settings added to (or overriding) the test defaults. */
    static LocalRunner start(Map<String, String> extra) {
        Map<String, String> all = new java.util.HashMap<>(settings());
        all.putAll(extra);
        return LocalRunner.start(Settings.of(all));
    }

    static LocalRunner start(SocketApp app) {
        return LocalRunner.start(Settings.of(settings()), app);
    }

    /** The stage path clients pass as socket.io-client's {@code path} option. */
    static String path(LocalRunner runner) {
        return "/" + runner.stage();
    }

    static Recipient recipient(LocalRunner runner, String connectionId) {
        return new Recipient(connectionId, runner.managementEndpoint());
    }
}
