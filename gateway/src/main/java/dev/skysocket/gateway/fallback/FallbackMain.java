package dev.skysocket.gateway.fallback;

import dev.skysocket.config.AppSettings;
import dev.skysocket.config.Settings;
import dev.skysocket.config.ssm.AppSettingsLoader;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.gateway.node.ShutdownDrain;
import dev.skysocket.logging.LogSetup;
import dev.skysocket.runtime.AwsClients;
import dev.skysocket.server.DeclaredServer;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The gateway as a Fargate task runs it: the AWS clients every path builds ({@link AwsClients}), the real DynamoDB table, the app found through ServiceLoader, the
 * public listener and the private Management API. On SIGTERM it drains (readiness fails, sessions close spread
 * over the drain window) and then stops, inside Fargate's stop timeout, exiting 0 after a complete drain
 * ({@link TermSignal}).
 */
public final class FallbackMain {
    private static final System.Logger LOG = System.getLogger(FallbackMain.class.getName());
    private FallbackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Settings system = Settings.system();
        LogSetup.install(system);
        Settings settings = withMetricsByDefault(withManagementUrl(system));
        AwsClients aws = AwsClients.fromSettings(settings);
        ManagementApiClients clients = aws.management();
        DynamoDbClient dynamo = aws.dynamo();
        AppSettings appSettings = AppSettingsLoader.load(settings, aws.credentials(), aws.region().id());
        // While it primes, /health answers 503: the ALB sends clients only once the hot paths are compiled.
        FallbackGateway gateway = FallbackGateway.start(settings, DeclaredServer.fromServiceLoader(appSettings), dynamo,
                clients, Map.of(), Priming.enabled(settings));
        // Before the node says it listens: the first clients then meet compiled code, not the interpreter.
        Priming.runIfEnabled(gateway, settings);
        gateway.warmed();
        if (settings.bool("skysocket.gateway-training-run", false)) {
            // The build's run that records the classes a start loads (-XX:ArchiveClassesAtExit): it ends here.
            gateway.close();
            aws.close();
            LOG.log(Level.INFO, "event=training_run_done");
            System.exit(0);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        TermSignal.install(new ShutdownDrain(gateway.drainController(), () -> {
            gateway.close();
            aws.close();
            stopped.countDown();
        }));
        // A record, not a print: with skysocket.log-format=json (the task's setting) every line is JSON.
        LOG.log(Level.INFO, "Skysocket gateway listening on port {0}, private Management API {1}",
                Integer.toString(gateway.port()), gateway.managementUrl());
        stopped.await();
    }

    /** A task's metrics go to CloudWatch as EMF lines unless {@code skysocket.metrics} says otherwise. */
    static Settings withMetricsByDefault(Settings settings) {
        if (settings.string("skysocket.metrics", null) != null) {
            return settings;
        }
        return settings.with(Map.of("skysocket.metrics", "emf"));
    }

    /**
     * On Fargate the private listener binds 0.0.0.0, but connections must record an address other tasks and the
     * functions can reach: the task's own IP, unless a URL is configured.
     */
    static Settings withManagementUrl(Settings settings) {
        if (settings.string("skysocket.gateway-management-url", null) != null) {
            return settings;
        }
        String host = settings.string("skysocket.gateway-management-host", "127.0.0.1");
        if (!"0.0.0.0".equals(host)) {
            return settings;
        }
        String port = settings.string("skysocket.gateway-management-port", "3002");
        Map<String, String> extra = new HashMap<>();
        extra.put("skysocket.gateway-management-url", "http://" + TaskAddress.siteLocalIpv4() + ":" + port);
        return settings.with(extra);
    }
}
