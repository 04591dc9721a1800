package dev.skysocket.testkit;

import dev.skysocket.api.Emitter;
import dev.skysocket.api.SocketApp;
import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import java.net.URI;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The local stack a {@link SkysocketTest} class runs against: the app behind the API Gateway emulator (the Lambda
 * code path) and behind the fallback gateway, sharing one DynamoDB Local, so a room holds clients of both paths.
 * Connects {@link TestClient}s to either path and emits from outside any handler. The extension starts it
 * before the class's first test and stops it, with any client still open, after its last.
 */
public final class LocalStack {
    private final LocalRunner runner;
    private final String enginePath;
    private final Queue<TestClient> clients = new ConcurrentLinkedQueue<>();

    private LocalStack(LocalRunner runner, String enginePath) {
        this.runner = runner;
        this.enginePath = enginePath;
    }

    /** Starts the stack with the app {@code app} makes, or the ServiceLoader's app when it makes null. */
    static LocalStack start(StackSettings stackSettings, Supplier<SocketApp> app) {
        Settings settings = stackSettings.settings();
        LocalRunner runner = LocalRunner.start(settings, app.get());
        return new LocalStack(runner, settings.string("skysocket.gateway-path", "/socket.io/"));
    }

    /** The API Gateway emulator's URL, {@code ws://127.0.0.1:PORT}; clients pass {@code "/" + stage()} as path. */
    public String apiGatewayUrl() {
        return runner.websocketUrl();
    }

    /** The stage, {@code dev} unless {@code skysocket.stage} says otherwise. */
    public String stage() {
        return runner.stage();
    }

    /** The fallback gateway's URL, {@code http://127.0.0.1:PORT}: socket.io-client's defaults connect here. */
    public String fallbackUrl() {
        return runner.gatewayUrl();
    }

    /** A client joined to {@code namespace} through API Gateway, without auth. */
    public TestClient connectApiGateway(String namespace) {
        return connectApiGateway(namespace, Map.of());
    }

    /**
     * A client joined to {@code namespace} through API Gateway: websocket only, the stage as its path, binary
     * sent as base64 text frames, as API Gateway needs.
     *
     * @param auth the handshake's {@code auth} payload (the app's middleware reads it); empty sends none
     * @throws ConnectFailed when the namespace refuses the client, or it does not join within 10 s
     */
    public TestClient connectApiGateway(String namespace, Map<String, ?> auth) {
        return track(TestClient.connect(uri(apiGatewayUrl(), namespace), ClientOptions.apiGateway(stage(), auth),
                "API Gateway client on " + namespace, TestClient.DEFAULT_TIMEOUT));
    }

    /** A client joined to {@code namespace} through the fallback gateway, without auth. */
    public TestClient connectFallback(String namespace) {
        return connectFallback(namespace, Map.of());
    }

    /**
     * A client joined to {@code namespace} through the fallback gateway with socket.io-client's default transports
     * (polling, then the upgrade to websocket).
     *
     * @param auth the handshake's {@code auth} payload (the app's middleware reads it); empty sends none
     * @throws ConnectFailed when the namespace refuses the client, or it does not join within 10 s
     */
    public TestClient connectFallback(String namespace, Map<String, ?> auth) {
        return track(TestClient.connect(uri(fallbackUrl(), namespace), ClientOptions.fallback(enginePath, auth),
                "fallback client on " + namespace, TestClient.DEFAULT_TIMEOUT));
    }

    /**
     * Emits from outside any handler within one tenant, as a backend job would ({@code "default"} is the tenant
     * of clients without an authenticated identity): {@code emitter("default").of("/").to("room").emit(...)}.
     * It reaches clients of both paths.
     */
    public Emitter emitter(String tenant) {
        return runner.runtime().emitter(tenant);
    }

    /** Closes every client still open, then the stack. */
    void stop() {
        for (TestClient client; (client = clients.poll()) != null; ) {
            client.close();
        }
        runner.close();
    }

    private TestClient track(TestClient client) {
        clients.add(client);
        return client;
    }

    private static URI uri(String base, String namespace) {
        if (namespace == null || !namespace.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/', got " + namespace);
        }
        return URI.create(base + namespace);
    }
}
