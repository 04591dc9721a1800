package dev.skysocket.local;

import dev.skysocket.apigw.ApiGatewayAuthorizer;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.auth.AnonymousAuthorizer;
import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.auth.ConnectAuthorizers;
import dev.skysocket.auth.JwtSettings;
import dev.skysocket.auth.QueryIdentityAuthorizer;
import dev.skysocket.config.AppSettings;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.local.apigw.ApiGatewayEmulator;
import dev.skysocket.local.apigw.AuthorizerSettings;
import dev.skysocket.local.apigw.OrderedDeliverySettings;
import dev.skysocket.logging.LogFormat;
import dev.skysocket.logging.LogSetup;
import dev.skysocket.runtime.AwsClients;
import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.gateway.http.HeaderDeadline;
import dev.skysocket.api.SocketApp;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.dynamodb.TableBootstrap;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole stack on a laptop: DynamoDB Local in-process, the API Gateway WebSocket emulator on loopback, and
 * the same route classes Lambda runs, with the open step on a worker thread and the heartbeat on a timer; beside
 * it the fallback gateway (Engine.IO polling and websocket) on the same table and app, so rooms span both paths.
 * With {@code skysocket.jwt-issuer} set (or a custom {@code ConnectAuthorizer} installed) the emulator runs the same
 * authorizer before {@code $connect} as the {@code authorizer} function does on AWS. Otherwise identities come
 * from the {@code user} and {@code tenant} query parameters ({@code skysocket.local-query-identity}), on both paths.
 */
public final class LocalRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalRunner.class.getName());

    private final LocalDynamo dynamo;
    private final AwsClients aws;
    private final ApiGatewayRuntime runtime;
    private final ApiGatewayEmulator emulator;
    private final FallbackGateway gateway;
    private final OpenSteps openWorkers;
    private final ScheduledExecutorService heartbeat;
    private final String stage;

    private LocalRunner(LocalDynamo dynamo, AwsClients aws, ApiGatewayRuntime runtime, ApiGatewayEmulator emulator,
                        FallbackGateway gateway, OpenSteps openWorkers, ScheduledExecutorService heartbeat,
                        String stage) {
        this.dynamo = dynamo;
        this.aws = aws;
        this.runtime = runtime;
        this.emulator = emulator;
        this.gateway = gateway;
        this.openWorkers = openWorkers;
        this.heartbeat = heartbeat;
        this.stage = stage;
    }

    /** The one app on the class path (found through ServiceLoader). */
    public static LocalRunner start(Settings settings) {
        return start(settings, null);
    }

    /** A given app, or the ServiceLoader's when {@code app} is null. */
    public static LocalRunner start(Settings settings, SocketApp app) {
        settings = withQueryIdentity(settings);
        SkysocketConfig config = SkysocketConfig.from(settings);
        LocalSettings local = LocalSettings.from(settings);
        AppSettings appSettings = AppSettings.of(Map.of(), settings);
        DeclaredServer io = app == null ? DeclaredServer.fromServiceLoader(appSettings)
                : DeclaredServer.configuredBy(app, appSettings);
        AuthorizerSettings authorizer = authorizer(settings);  // a wrong JWT setting fails before anything starts
        LocalDynamo dynamo = LocalDynamo.start(local.dynamoPort());
        // The clients every path builds, pointed at DynamoDB Local and the emulator, with dummy credentials.
        AwsClients aws = AwsClients.with(settings, Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")), dynamo.endpoint());
        TableBootstrap.ensureTable(aws.dynamo(), config.tableName());
        int port = local.apiGatewayPort() == 0 ? LocalDynamo.freePort() : local.apiGatewayPort();
        String callback = "http://127.0.0.1:" + port + "/" + local.stage();
        ManagementApiClients management = aws.management();
        OpenSteps openWorkers = new OpenSteps(local.openLimits());
        // Built as the functions build theirs; the emulator on loopback answers as the Management API.
        ApiGatewayRuntime runtime = ApiGatewayRuntime.fromSettings(
                settings.with(Map.of(ApiGatewayRuntime.MANAGEMENT_ENDPOINT, callback)), io, aws,
                openWorkers::invokerFor);
        LambdaStyleIntegration integration = new LambdaStyleIntegration(runtime);
        ApiGatewayEmulator emulator = new ApiGatewayEmulator(local.emulatorSettings(port), integration, authorizer)
                .withHeaderTimeout(Duration.ofMillis(HeaderDeadline.configured(settings)))
                .withInvocationLimits(local.invocationLimits());
        if (local.ordered()) {
            emulator.deliverInOrder(integration, OrderedDeliverySettings.TEMPLATE);
        }
        emulator.start();
        // Same store, app and Management API clients: a room may hold clients of both paths.
        FallbackGateway gateway = FallbackGateway.start(settings, io, aws.dynamo(), management,
                DemoPages.load(websocketUrl(emulator), local.stage()));
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("skysocket-heartbeat"));
        // At a fixed rate, like EventBridge's schedule: one run's passes end before the next run is due.
        heartbeat.scheduleAtFixedRate(() -> sweep(runtime), config.sweepPeriodMs(), config.sweepPeriodMs(),
                TimeUnit.MILLISECONDS);
        return new LocalRunner(dynamo, aws, runtime, emulator, gateway, openWorkers, heartbeat, local.stage());
    }

    /**
     * The {@code $connect} authorizer as the template wires it on AWS: {@code ConnectAuthorizers.load}'s choice
     * behind a Lambda REQUEST authorizer whose identity source is the token's query parameter. None when that
     * choice is the anonymous fallback: then, as on a stack deployed without {@code JwtIssuer}, no authorizer runs
     * and every connection is anonymous in the default tenant.
     */
    public static AuthorizerSettings authorizer(Settings settings) {
        ConnectAuthorizer chosen = ConnectAuthorizers.load(settings);
        if (chosen instanceof AnonymousAuthorizer) {
            return null;
        }
        // The query identity needs no credential: it sees every upgrade, with or without a user or tenant.
        List<String> identitySource = chosen instanceof QueryIdentityAuthorizer ? List.of()
                : List.of(settings.string(JwtSettings.TOKEN_PARAM, "token"));
        return new AuthorizerSettings(new LambdaStyleAuthorizer(new ApiGatewayAuthorizer(chosen)), identitySource);
    }

    /**
     * The local stack takes identities from the {@code user} and {@code tenant} query parameters unless told
     * otherwise ({@code skysocket.local-query-identity=false}) or a JWT or custom authorizer is configured.
     */
    static Settings withQueryIdentity(Settings settings) {
        return settings.string(QueryIdentityAuthorizer.SETTING, null) != null ? settings
                : settings.with(Map.of(QueryIdentityAuthorizer.SETTING, "true"));
    }

    public String websocketUrl() {
        return websocketUrl(emulator);
    }

    private static String websocketUrl(ApiGatewayEmulator emulator) {
        return "ws://127.0.0.1:" + emulator.port();
    }

    /** The fallback gateway's public base URL: socket.io-client's default options connect here. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public FallbackGateway gateway() {
        return gateway;
    }

    public String stage() {
        return stage;
    }

    public String managementEndpoint() {
        return "http://127.0.0.1:" + emulator.port() + "/" + stage;
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public DynamoDbClient dynamo() {
        return aws.dynamo();
    }

    public ApiGatewayRuntime runtime() {
        return runtime;
    }

    public ApiGatewayEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        gateway.close();
        emulator.close();
        openWorkers.close();
        runtime.close();
        aws.close();
        dynamo.close();
    }

    /** Runs until SIGTERM (or Ctrl-C), then closes every connection and stops. */
    public static void main(String[] args) throws InterruptedException {
        Settings settings = Settings.system();
        LocalRunner runner;
        try {
            LogSetup.install(settings);
            runner = start(settings);
        } catch (RuntimeException e) {
            System.err.println("Skysocket local stack did not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            stopped.countDown();
        }, "skysocket-shutdown"));
        if (LogFormat.from(settings) == LogFormat.JSON) {
            LOG.log(Level.INFO, "event=local_stack_started websocket_url={0}/{1} gateway_url={2} demo_page={2}/",
                    runner.websocketUrl(), runner.stage(), runner.gatewayUrl());
        } else {
            System.out.println(Banner.text(runner));
        }
        stopped.await();
    }

    private static void sweep(ApiGatewayRuntime runtime) {
        try {
            // No Lambda timeout locally: the passes' own grid keeps them inside the period. The executor never
            // skips a run, so each covers its own window only (on AWS a run also covers the next one's).
            runtime.heartbeatPasses(Thread::sleep, 1).run(() -> Long.MAX_VALUE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=heartbeat_failed error={0}: {1}", e.getClass().getName(), e.getMessage());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
