package dev.skysocket.apigw;

import dev.skysocket.runtime.HandshakeFields;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.logging.LogContext;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.server.ConnectionAdmission;
import dev.skysocket.store.ConnectionExistsException;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ConnectionStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;

/**
 * {@code $connect}: checks the Engine.IO version, transport, that no sid is named, and the Origin, stores the
 * connection, and starts the
 * deferred open step. It returns quickly: the upgrade stays pending until it does, and nothing can be posted to
 * the connection before (API Gateway answers 410), so the open packet cannot be sent from here.
 */
public final class ConnectRoute {
    private static final System.Logger LOG = System.getLogger(ConnectRoute.class.getName());

    private final SkysocketConfig config;
    private final ConnectionStore connections;
    private final IdentityResolver identities;
    private final CallbackEndpoint endpoints;
    private final AsyncInvoker invoker;
    private final Clock clock;
    private final ConnectionAdmission admission;

    /** @param admission the tenant connection quota, checked before the connection is stored */
    public ConnectRoute(SkysocketConfig config, ConnectionStore connections, IdentityResolver identities,
                        CallbackEndpoint endpoints, AsyncInvoker invoker, Clock clock, ConnectionAdmission admission) {
        this.admission = admission;
        this.config = config;
        this.connections = connections;
        this.identities = identities;
        this.endpoints = endpoints;
        this.invoker = invoker;
        this.clock = clock;
    }

    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event) {
        try (LogContext.Scope scope = RouteLogContext.open(event)) {
            return connect(event);
        }
    }

    private APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event) {
        var context = event.getRequestContext();
        String connectionId = context.getConnectionId();
        Map<String, String> query = HandshakeFields.bounded(event.getQueryStringParameters(), false);
        withoutCredentials(query, context.getAuthorizer());
        Map<String, String> headers = HandshakeFields.bounded(event.getHeaders(), true);
        if (!"4".equals(query.get("EIO"))) {
            return refuse(connectionId, 400, "unsupported_protocol");  // Engine.IO error code 5
        }
        if (!"websocket".equals(query.get("transport"))) {
            return refuse(connectionId, 400, "transport_unknown");     // code 0: API Gateway only speaks websocket
        }
        if (query.containsKey("sid")) {
            // Code 1: a sid asks to upgrade a polling session, and there is none here. A fresh session instead
            // would leave the client on a sid it never asked for; AWS sends the client this 400 as the refusal.
            return refuse(connectionId, 400, "session_unknown");
        }
        String origin = headers.get("origin");
        if (!config.allowsOrigin(origin)) {
            return refuse(connectionId, 403, "origin_not_allowed");
        }
        Identity identity = identities.resolve(event);
        LogContext.tenant(identity.tenant());
        long now = clock.millis();
        long connectedAt = context.getConnectedAt() > 0 ? context.getConnectedAt() : now;
        String endpoint = endpoints.of(event);
        String sourceIp = context.getIdentity() == null ? null : context.getIdentity().getSourceIp();
        // Binary can only travel as base64 text here: API Gateway closes on inbound binary frames (1003).
        // Over the tenant's quota the connection is still accepted and stored, marked: its Socket.IO CONNECT gets a
        // CONNECT_ERROR with the reason, which a refusal here (a bare 4xx on the upgrade) could not carry.
        ConnectionRecord record = admission.admit(new ConnectionRecord(connectionId, endpoint, "websocket", true,
                identity.tenant(), identity.user(), sourceIp, headers, query, connectedAt,
                Heartbeat.firstPingDue(config, now), false, false, config.expiresAtSeconds(connectedAt), null)
                .withClaims(identity.claims()));
        try {
            connections.create(record);
        } catch (ConnectionExistsException duplicate) {
            admission.undo(record);
            return Responses.ok();  // a retried $connect: the first one already did the work
        } catch (RuntimeException e) {
            admission.undo(record);
            throw e;
        }
        Metrics.count(Metric.CONNECTIONS_OPENED);
        invoker.invokeOpen(new OpenRequest(connectionId, endpoint));
        LOG.log(Level.DEBUG, "event=connect connection={0} tenant={1}", connectionId, identity.tenant());
        return Responses.ok();
    }

    private static APIGatewayV2WebSocketResponse refuse(String connectionId, int status, String why) {
        LOG.log(Level.INFO, "event=connect_refused connection={0} status={1} reason={2}", connectionId, status, why);
        return Responses.status(status);
    }

    /** Drops the query parameters the authorizer read a credential from: a token never rests in the store. */
    private static void withoutCredentials(Map<String, String> query, Map<String, Object> authorizer) {
        Object names = authorizer == null ? null : authorizer.get(ApiGatewayAuthorizer.CREDENTIAL_PARAMS);
        if (names instanceof String list) {
            for (String name : list.split(",")) {
                query.remove(name.strip());
            }
        }
    }
}
