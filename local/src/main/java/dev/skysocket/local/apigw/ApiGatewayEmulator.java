package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.CloseHandshakeGuard;
import dev.skysocket.gateway.http.HeaderDeadline;
import dev.skysocket.gateway.http.MalformedRequests;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;

import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A local stand-in for an API Gateway WebSocket API stage with Lambda proxy integrations: WebSocket clients connect
 * to {@link #websocketUrl()}, each route is handed to the {@link WebSocketIntegration} as the Lambda event AWS would
 * send, and the Management API ({@code @connections}) answers on {@link #baseUrl()}, the same base URL shape as on
 * AWS. AWS behaviour that shapes application code is enforced, not approximated: the upgrade stays pending while
 * {@code $connect} runs and the connection does not exist (410) until it has returned and the 101 is sent; binary
 * frames close with 1003; oversized frames and messages close with 1009; idle and over-age connections close with
 * 1001; every close invokes {@code $disconnect} exactly once. With {@link AuthorizerSettings}, a Lambda REQUEST
 * authorizer decides each upgrade before {@code $connect}, as on AWS.
 */
public final class ApiGatewayEmulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApiGatewayEmulator.class.getName());
    /** Seconds the emulator waits for a client's reply to its close frame before dropping the TCP connection. */
    private static final int CLOSING_TIMEOUT_SECONDS = 2;

    private final EmulatorSettings settings;
    private final WebSocketIntegration integration;
    private final AuthorizerSettings authorizer;
    private final EmulatorStats stats = new EmulatorStats();
    private final ConnectionRegistry registry = new ConnectionRegistry();
    /** Every accepted connection until its {@code $disconnect} has completed, so shutdown can wait for them. */
    private final Set<EmulatedConnection> live = ConcurrentHashMap.newKeySet();
    /** Upgrades answered 101 whose socket is not yet in {@link #live}: shutdown must not miss them. */
    private final AtomicInteger accepting = new AtomicInteger();
    private volatile boolean stopping;
    private Vertx vertx;
    private HttpServer server;
    private ExecutorService workers;
    private IntegrationInvoker invoker;
    private volatile WebSocketEvents events;
    private ManagementApi management;
    private final ManagementFaults faults = new ManagementFaults();
    private long sweepTimer = -1;
    private volatile Duration headerTimeout = Duration.ofMillis(HeaderDeadline.DEFAULT_MS);
    private QueueIntegration orderedConsumer;
    private OrderedDeliverySettings orderedSettings;
    private OrderedDelivery ordered;

    public ApiGatewayEmulator(EmulatorSettings settings, WebSocketIntegration integration) {
        this(settings, integration, null);
    }

    /**
     * An emulator whose {@code $connect} route has a Lambda REQUEST authorizer, or none when {@code authorizer} is
     * null. The authorizer runs before {@code $connect}, on a worker, within the integration timeout: a Deny (or no
     * Allow) refuses the upgrade with 403, a missing identity source with 401 before it is called, a failure or
     * timeout with 500; none of these invokes {@code $connect}.
     */
    public ApiGatewayEmulator(EmulatorSettings settings, WebSocketIntegration integration,
                              AuthorizerSettings authorizer) {
        this.settings = settings;
        this.integration = integration;
        this.authorizer = authorizer;
    }

    /**
     * Before {@link #start()}: a connection whose request headers are not all in this long after it was accepted
     * (or, kept alive, after the request's first byte) is closed (10 s by default), as API Gateway's front end does
     * not wait on a slow client either.
     */
    public ApiGatewayEmulator withHeaderTimeout(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("headerTimeout must be positive: " + timeout);
        }
        this.headerTimeout = timeout;
        return this;
    }

    /**
     * Ordered mode (template.yaml {@code MessageDelivery=ordered}): {@code $default} sends each frame to an emulated
     * SQS FIFO queue grouped by connection id, which {@code consumer} drains in SQS events (see {@link FifoQueue}
     * for what is emulated). Call before {@link #start}.
     */
    public synchronized ApiGatewayEmulator deliverInOrder(QueueIntegration consumer, OrderedDeliverySettings queue) {
        if (vertx != null) {
            throw new IllegalStateException("already started");
        }
        this.orderedConsumer = consumer;
        this.orderedSettings = queue;
        return this;
    }

    /** Binds the listener and returns once it accepts connections. */
    public synchronized void start() {
        if (vertx != null) {
            throw new IllegalStateException("already started");
        }
        workers = Executors.newCachedThreadPool(daemonThreads());
        invoker = new IntegrationInvoker(integration, workers, settings.integrationTimeout(), stats);
        management = new ManagementApi(registry, stats, settings.maxMessageBytes(), faults);
        vertx = Vertx.vertx();
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                // Netty refuses larger frames itself; EmulatedConnection turns that into a 1009 close.
                .setMaxWebSocketFrameSize(settings.maxFrameBytes())
                .setMaxWebSocketMessageSize(settings.maxMessageBytes())
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setWebSocketClosingTimeout(CLOSING_TIMEOUT_SECONDS)
                .setHandle100ContinueAutomatically(true)
                .setHttp2ClearTextEnabled(false); // HTTP/1.1 only: the connection handler (HeaderDeadline) runs on accept
        HeaderDeadline deadline = new HeaderDeadline(headerTimeout.toMillis());
        server = vertx.createHttpServer(options)
                .connectionHandler(CloseHandshakeGuard.installThen(deadline.onConnection()))
                .webSocketHandshakeHandler(this::onHandshake)
                .webSocketHandler(ApiGatewayEmulator::onAccepted)
                .requestHandler(this::onRequest);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        String domainName = settings.domainName() != null ? settings.domainName() : authority();
        events = new WebSocketEvents(settings.apiId(), settings.stage(), domainName);
        if (orderedConsumer != null) {
            ordered = new OrderedDelivery(orderedSettings, orderedConsumer, workers, settings.integrationTimeout(),
                    settings.apiId(), settings.stage(), domainName);
        }
        long sweep = Math.max(10, Math.min(1000,
                Math.min(settings.idleTimeout().toMillis(), settings.maxConnectionDuration().toMillis()) / 10));
        sweepTimer = vertx.setPeriodic(sweep, id -> sweep());
        LOG.log(Level.INFO, "apigw.start websocketUrl={0} managementUrl={1}", websocketUrl(), baseUrl());
    }

    public int port() {
        requireStarted();
        return server.actualPort();
    }

    /** The Management API endpoint, {@code http://127.0.0.1:<port>/<stage>}: the same shape as AWS's base URL. */
    public String baseUrl() {
        return "http://" + authority() + "/" + settings.stage();
    }

    /** Where WebSocket clients connect: {@code ws://127.0.0.1:<port>/<stage>}. */
    public String websocketUrl() {
        return "ws://" + authority() + "/" + settings.stage();
    }

    /** The {@code domainName} written into events: {@code 127.0.0.1:<port>} unless the settings name one. */
    public String domainName() {
        requireStarted();
        return events.domainName();
    }

    public EmulatorSettings settings() {
        return settings;
    }

    /** The {@code $connect} route's Lambda authorizer, if it has one. */
    public Optional<AuthorizerSettings> authorizer() {
        return Optional.ofNullable(authorizer);
    }

    public EmulatorStats stats() {
        return stats;
    }

    /** Scripted Management API faults (429, 5xx) for tests. */
    public ManagementFaults faults() {
        return faults;
    }

    /**
     * Closes every connection with 1001 "Going away", waits for their {@code $disconnect} invocations (bounded by
     * the closing handshake plus the integration timeout), then stops listening.
     */
    @Override
    public synchronized void close() {
        if (vertx == null || stopping) {
            return;
        }
        stopping = true;
        vertx.cancelTimer(sweepTimer);
        long waitMillis = Duration.ofSeconds(CLOSING_TIMEOUT_SECONDS + 1).plus(settings.integrationTimeout()).toMillis();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        // A socket whose 101 went out just before `stopping` joins `live` a moment later (and closes itself with
        // 1001 on seeing `stopping`): go round until none is left or accepting, within the same bound.
        while (!awaitDisconnects(deadline) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));  // an accept is completing on the event loop
        }
        if (!live.isEmpty() || accepting.get() > 0) {
            LOG.log(Level.WARNING, "apigw.stop.incomplete pendingDisconnects={0}", String.valueOf(live.size()));
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "apigw.stop.vertx error={0}", e.toString());
        }
        if (ordered != null) {
            ordered.close();
        }
        workers.shutdownNow();
        LOG.log(Level.INFO, "apigw.stop {0}", stats);
    }

    /** Closes every open connection with 1001 and waits for their $disconnect; true when none is left. */
    private boolean awaitDisconnects(long deadline) {
        registry.snapshot().forEach(connection -> connection.closeWith(CloseStatus.GOING_AWAY));
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        live.forEach(connection -> pending.add(connection.disconnected()));
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
        return live.isEmpty() && accepting.get() == 0;
    }

    private void onHandshake(ServerWebSocketHandshake handshake) {
        String malformed = MalformedRequests.reason(handshake.query(), "websocket",
                handshake.headers().get("Sec-WebSocket-Key"));
        if (malformed != null) {
            // A broken query escape or websocket key: 400 before any route runs.
            LOG.log(Level.DEBUG, "apigw.connect.malformed reason={0}", malformed);
            stats.connectRefused();
            handshake.reject(400);
            return;
        }
        String path = handshake.path();
        String stagePath = "/" + settings.stage();
        WebSocketEvents events = this.events;
        if (events == null || stopping) {
            stats.connectRefused();
            handshake.reject(503); // not started yet, or shutting down
            return;
        }
        if (!(path.equals(stagePath) || path.equals(stagePath + "/"))) {
            // Only the stage path upgrades; API Gateway answers anything else with 403.
            stats.connectRefused();
            handshake.reject(403);
            return;
        }
        Context eventLoop = vertx.getOrCreateContext();
        ConnectionContext connection = UpgradeRequests.read(handshake, server.actualPort());
        String requestId = AwsIds.newId();
        if (authorizer == null) {
            invokeConnect(handshake, eventLoop, connection, requestId);
            return;
        }
        for (String parameter : authorizer.identitySource()) {
            String value = connection.queryParameter(parameter);
            if (value == null || value.isEmpty()) {
                // AWS answers 401 without calling the authorizer when an identity source is missing or empty.
                refuse(handshake, connection, AuthorizerVerdict.UNAUTHORIZED);
                return;
            }
        }
        String methodArn = events.connectMethodArn();
        String event = events.authorizer(connection, methodArn, connection.connectedAtMillis(), requestId);
        // Like $connect, the authorizer runs on a worker; its verdict is applied on the event loop.
        authorize(event, methodArn).thenAccept(verdict -> eventLoop.runOnContext(ignored -> {
            if (verdict instanceof AuthorizerVerdict.Allowed allowed && !stopping) {
                invokeConnect(handshake, eventLoop, connection.withAuthorizer(allowed.authorizer()), requestId);
            } else if (verdict instanceof AuthorizerVerdict.Refused refused) {
                LOG.log(Level.DEBUG, "apigw.authorizer.refused connectionId={0} reason={1}",
                        connection.connectionId(), refused.reason());
                refuse(handshake, connection, refused.status());
            } else {
                refuse(handshake, connection, 503);
            }
        }));
    }

    private void invokeConnect(ServerWebSocketHandshake handshake, Context eventLoop, ConnectionContext connection,
                               String requestId) {
        String event = events.connect(connection, connection.connectedAtMillis(), requestId);
        // The upgrade stays pending while $connect runs on a worker; the verdict is applied on the event loop.
        invoker.invoke("$connect", event).thenAccept(outcome ->
                eventLoop.runOnContext(ignored -> finishHandshake(handshake, connection, outcome)));
    }

    /** Never completes exceptionally: a throw, an invalid answer or a timeout is a 500 refusal. */
    private CompletableFuture<AuthorizerVerdict> authorize(String event, String methodArn) {
        stats.authorizerInvocation();
        long start = System.nanoTime();
        CompletableFuture<AuthorizerVerdict> call;
        try {
            call = CompletableFuture.supplyAsync(() -> {
                try {
                    String answer = authorizer.authorizer().authorize(event);
                    return AuthorizerVerdict.of(answer, methodArn, (System.nanoTime() - start) / 1_000_000);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, workers);
        } catch (RuntimeException rejected) {
            call = CompletableFuture.failedFuture(rejected);
        }
        return call.orTimeout(settings.integrationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(error -> new AuthorizerVerdict.Refused(AuthorizerVerdict.AUTHORIZER_FAILURE,
                        error instanceof TimeoutException || error.getCause() instanceof TimeoutException
                                ? "timed out" : "failed: " + error));
    }

    private void refuse(ServerWebSocketHandshake handshake, ConnectionContext connection, int status) {
        stats.connectRefused();
        LOG.log(Level.DEBUG, "apigw.connect.refused connectionId={0} status={1}", connection.connectionId(),
                String.valueOf(status));
        handshake.reject(status);
    }

    private void finishHandshake(ServerWebSocketHandshake handshake, ConnectionContext connection,
                                 IntegrationOutcome outcome) {
        int status = stopping ? 503 : ConnectVerdict.status(outcome);
        if (status != 101) {
            refuse(handshake, connection, status);
            return;
        }
        accepting.incrementAndGet();
        handshake.accept().onComplete(accepted -> {
            try {
                if (accepted.succeeded()) {
                    open(accepted.result(), connection);
                } else {
                    LOG.log(Level.DEBUG, "apigw.connect.lost connectionId={0} error={1}", connection.connectionId(),
                            accepted.cause().toString());
                }
            } finally {
                accepting.decrementAndGet();
            }
        });
    }

    private void open(ServerWebSocket socket, ConnectionContext context) {
        EmulatedConnection connection = new EmulatedConnection(context, socket, settings, stats, invoker, events,
                registry,
                InvocationDispatch.of(settings.invocationOrder(), settings.maxInvocationDelay(), workers));
        if (ordered != null) {
            connection.deliverInOrder(ordered);
        }
        connection.attach();
        live.add(connection);
        connection.disconnected().whenComplete((ignored, error) -> live.remove(connection));
        registry.add(connection);
        stats.connectionOpened();
        if (stopping) {
            connection.closeWith(CloseStatus.GOING_AWAY);  // shutdown began while this upgrade was completing
        }
        LOG.log(Level.DEBUG, "apigw.connect connectionId={0} sourceIp={1}", context.connectionId(), context.sourceIp());
    }

    /** Accepted sockets are wired in {@link #open}; this handler only has to exist for upgrades to be routed here. */
    private static void onAccepted(ServerWebSocket socket) {
    }

    private void onRequest(HttpServerRequest request) {
        if (MalformedRequests.badQueryEscape(request.query())) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .putHeader("x-amzn-ErrorType", "BadRequestException").end("{\"message\":\"Bad Request\"}");
            return;
        }
        String[] segments = request.path().split("/", -1);
        if (segments.length == 4 && segments[0].isEmpty() && segments[1].equals(settings.stage())
                && decodePathSegment(segments[2]).equals("@connections") && !segments[3].isEmpty()) {
            management.handle(request, decodePathSegment(segments[3]));
        } else {
            request.response().setStatusCode(403)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("x-amzn-ErrorType", "ForbiddenException")
                    .end("{\"message\":\"Forbidden\"}");
        }
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        registry.snapshot().forEach(connection -> connection.checkLiveness(now));
    }

    private String authority() {
        requireStarted();
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return host + ":" + server.actualPort();
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
    }

    /** Percent-decoding of one path segment; a literal '+' stays a '+' (it only means space in a query). */
    private static String decodePathSegment(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "apigw-integration-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
