package dev.skysocket.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skysocket.config.Settings;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.api.SocketApp;
import java.util.Map;
import java.util.Optional;

/**
 * The stack the integration tests run against. By default the local stack: ephemeral ports, stage {@code dev},
 * and heartbeat timers short enough that ping timeouts and idle periods fit in a test. With
 * {@code -Dskysocket.it.wss-url=wss://<api>.execute-api.<region>.amazonaws.com/<stage>} (see {@link RemoteStack})
 * the client tests run against that deployment instead, and tests that need a local-only part skip.
 */
final class TestStack {
    static final long PING_INTERVAL_MS = 1000;
    // Generous against a loaded 2-core CI machine: the client gives up after interval + timeout without a ping.
    static final long PING_TIMEOUT_MS = 3000;
    static final long SWEEP_PERIOD_MS = 200;
    static final String ADMIN_TOKEN = "admin-secret";

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
                "app.admin-token", ADMIN_TOKEN);
    }

    /** The deployment named by the {@code skysocket.it.*} system properties, if any. */
    static Optional<RemoteStack> remote() {
        return RemoteStack.fromSystemProperties();
    }

    /**
     * Skips the calling test class (from {@code @BeforeAll}) or test when the suite runs against a deployment:
     * {@code needs} says which local-only part the test uses.
     */
    static void assumeLocal(String needs) {
        Optional<RemoteStack> remote = remote();
        assumeTrue(remote.isEmpty(), () -> "skipped against the deployment " + remote.get().websocketUrl()
                + remote.get().path() + ": needs " + needs + " of the local stack");
    }

    /** The deployment if one is configured, else a local stack started with the test settings. */
    static Target target() {
        return remote().map(Target::remote).orElseGet(() -> Target.local(start()));
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

    /**
     * Closes what a test class started, in order, skipping what never started (an assumption or a start failed);
     * every part is closed even when an earlier one fails, and the first failure is rethrown.
     */
    static void close(AutoCloseable... started) {
        RuntimeException first = null;
        for (AutoCloseable part : started) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * A Node scenario against one path of the local stack: {@code apigw} (the emulator's stage), else the fallback
     * gateway with the stock client's default set-up.
     */
    static NodeScenario scenarioOn(String path, String script, LocalRunner runner) {
        return path.equals("apigw")
                ? NodeScenario.of(script, runner.websocketUrl(), path(runner))
                : NodeScenario.of(script, runner.gatewayUrl()).clientSetup("default");
    }

    /** The stage path clients pass as socket.io-client's {@code path} option. */
    static String path(LocalRunner runner) {
        return "/" + runner.stage();
    }

    static Recipient recipient(LocalRunner runner, String connectionId) {
        return new Recipient(connectionId, runner.managementEndpoint());
    }

    /**
     * Where the client tests connect: the API Gateway URL and stage path, the fallback gateway's URL (null when
     * the deployment has none) and the /admin token; {@code local} is the local stack, null for a deployment.
     */
    record Target(String websocketUrl, String path, String gatewayUrl, String adminToken, LocalRunner local)
            implements AutoCloseable {
        static Target local(LocalRunner runner) {
            return new Target(runner.websocketUrl(), TestStack.path(runner), runner.gatewayUrl(), ADMIN_TOKEN,
                    runner);
        }

        static Target remote(RemoteStack stack) {
            return new Target(stack.websocketUrl(), stack.path(), stack.fallbackUrl(), stack.adminToken(), null);
        }

        boolean isLocal() {
            return local != null;
        }

        /** The local stack, or a skip saying that {@code needs} is a local-only part. */
        LocalRunner localStack(String needs) {
            assumeTrue(local != null, () -> "skipped against the deployment " + websocketUrl + path + ": needs "
                    + needs + " of the local stack");
            return local;
        }

        /** The fallback gateway's URL, or a skip when the deployment has none configured. */
        String requireGatewayUrl() {
            assumeTrue(gatewayUrl != null, "no fallback gateway configured: set -D" + RemoteStack.FALLBACK_URL);
            return gatewayUrl;
        }

        /** The admin token, or a skip when the deployment's is not given. */
        String requireAdminToken() {
            assumeTrue(adminToken != null, "no /admin token for the deployment: set -D" + RemoteStack.ADMIN_TOKEN);
            return adminToken;
        }

        @Override
        public void close() {
            if (local != null) {
                local.close();
            }
        }
    }
}
