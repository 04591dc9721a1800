package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.MalformedRequests;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocketHandshake;

import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Decides each WebSocket upgrade as API Gateway does: 400 for a malformed request, 403 off the stage path, then the
 * authorizer (if any) and {@code $connect} on workers while the upgrade stays pending; their verdicts are applied on
 * the event loop, and only a {@code $connect} that allows it gets the 101.
 */
final class UpgradeHandler {

    private static final System.Logger LOG = System.getLogger(UpgradeHandler.class.getName());

    private final EmulatorSettings settings;
    private final EmulatorStats stats;
    /** Null when the {@code $connect} route has no authorizer. */
    private final AuthorizerCall authorizer;
    private final IntegrationInvoker invoker;
    private final LiveConnections connections;
    private final Vertx vertx;
    private final IntSupplier port;
    /** True while the integration workers are backed up: upgrades get 429, as over API Gateway's throttle. */
    private final BooleanSupplier throttled;
    /** Null until the listener is bound (the events carry its port): upgrades before that get 503. */
    private volatile WebSocketEvents events;

    UpgradeHandler(EmulatorSettings settings, EmulatorStats stats, AuthorizerCall authorizer,
                   IntegrationInvoker invoker, LiveConnections connections, Vertx vertx, IntSupplier port,
                   BooleanSupplier throttled) {
        this.settings = settings;
        this.stats = stats;
        this.authorizer = authorizer;
        this.invoker = invoker;
        this.connections = connections;
        this.vertx = vertx;
        this.port = port;
        this.throttled = throttled;
    }

    /** From now on upgrades are decided, with {@code events} as the Lambda events' shape. */
    void ready(WebSocketEvents events) {
        this.events = events;
    }

    void onHandshake(ServerWebSocketHandshake handshake) {
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
        if (events == null || connections.stopping()) {
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
        if (throttled.getAsBoolean()) {
            // Before any route runs, so a burst adds no invocation; a stock client retries with its backoff.
            stats.connectRefused();
            LOG.log(Level.DEBUG, "apigw.connect.throttled");
            handshake.reject(429);
            return;
        }
        Context eventLoop = vertx.getOrCreateContext();
        ConnectionContext connection = UpgradeRequests.read(handshake, port.getAsInt());
        String requestId = AwsIds.newId();
        if (authorizer == null) {
            invokeConnect(handshake, eventLoop, connection, requestId, events);
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
        authorizer.authorize(event, methodArn).thenAccept(verdict -> eventLoop.runOnContext(ignored -> {
            if (verdict instanceof AuthorizerVerdict.Allowed allowed && !connections.stopping()) {
                invokeConnect(handshake, eventLoop, connection.withAuthorizer(allowed.authorizer()), requestId,
                        events);
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
                               String requestId, WebSocketEvents events) {
        String event = events.connect(connection, connection.connectedAtMillis(), requestId);
        // The upgrade stays pending while $connect runs on a worker; the verdict is applied on the event loop.
        invoker.invoke("$connect", event).thenAccept(outcome ->
                eventLoop.runOnContext(ignored -> finishHandshake(handshake, connection, outcome, events)));
    }

    private void finishHandshake(ServerWebSocketHandshake handshake, ConnectionContext connection,
                                 IntegrationOutcome outcome, WebSocketEvents events) {
        int status = connections.stopping() ? 503 : ConnectVerdict.status(outcome);
        if (status != 101) {
            refuse(handshake, connection, status);
            return;
        }
        connections.accept(handshake, connection, events);
    }

    private void refuse(ServerWebSocketHandshake handshake, ConnectionContext connection, int status) {
        stats.connectRefused();
        LOG.log(Level.DEBUG, "apigw.connect.refused connectionId={0} status={1}", connection.connectionId(),
                String.valueOf(status));
        handshake.reject(status);
    }
}
