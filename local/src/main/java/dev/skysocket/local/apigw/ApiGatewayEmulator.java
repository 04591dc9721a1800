package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.HeaderDeadline;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

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

    private final EmulatorSettings settings;
    private final WebSocketIntegration integration;
    private final AuthorizerSettings authorizer;
    private final EmulatorStats stats = new EmulatorStats();
    private final ManagementFaults faults = new ManagementFaults();
    private volatile Duration headerTimeout = Duration.ofMillis(HeaderDeadline.DEFAULT_MS);
    private volatile InvocationLimits invocationLimits = InvocationLimits.DEFAULTS;
    private OrderedMode orderedMode;
    /** Null until {@link #start}; the listener, workers and connections of this run (see {@link StageServer}). */
    private volatile StageServer stage;

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
     * not wait on a slow client either; a websocket message left unfinished (fragmented) this long closes 1008, as on
     * the gateway.
     */
    /** Before {@link #start}: the integration workers and the backlog at which upgrades are throttled (429). */
    public ApiGatewayEmulator withInvocationLimits(InvocationLimits limits) {
        this.invocationLimits = limits;
        return this;
    }

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
        if (stage != null) {
            throw new IllegalStateException("already started");
        }
        this.orderedMode = new OrderedMode(consumer, queue);
        return this;
    }

    /** Binds the listener and returns once it accepts connections. */
    public synchronized void start() {
        if (stage != null) {
            throw new IllegalStateException("already started");
        }
        stage = new StageServer(settings, integration, authorizer, orderedMode, headerTimeout, stats, faults,
                invocationLimits);
        stage.listen();
        LOG.log(Level.INFO, "apigw.start websocketUrl={0} managementUrl={1}", websocketUrl(), baseUrl());
    }

    public int port() {
        return started().port();
    }

    /** The Management API endpoint, {@code http://127.0.0.1:<port>/<stage>}: the same shape as AWS's base URL. */
    public String baseUrl() {
        return "http://" + started().authority() + "/" + settings.stage();
    }

    /** Where WebSocket clients connect: {@code ws://127.0.0.1:<port>/<stage>}. */
    public String websocketUrl() {
        return "ws://" + started().authority() + "/" + settings.stage();
    }

    /** The {@code domainName} written into events: {@code 127.0.0.1:<port>} unless the settings name one. */
    public String domainName() {
        return started().domainName();
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
        if (stage != null) {
            stage.stop();
        }
    }

    private StageServer started() {
        StageServer running = stage;
        if (running == null) {
            throw new IllegalStateException("not started");
        }
        return running;
    }
}
