package dev.skysocket.local.apigw;

import java.lang.System.Logger.Level;

/** What API Gateway sends a client after a {@code $default} invocation: the route response, or an error message. */
final class RouteReplies {

    private static final System.Logger LOG = System.getLogger(EmulatedConnection.class.getName());

    private RouteReplies() {
    }

    /** The route response's body, or API Gateway's error message when the integration failed; null for none. */
    static String of(IntegrationOutcome outcome, String connectionId, String requestId) {
        if (outcome instanceof IntegrationOutcome.Responded responded) {
            return responded.body();
        }
        if (outcome instanceof IntegrationOutcome.Failed failed) {
            LOG.log(Level.WARNING, "apigw.default.failed connectionId={0} requestId={1} error={2}",
                    connectionId, requestId, failed.error().getClass().getName());
            return error("Internal server error", connectionId, requestId);
        }
        LOG.log(Level.WARNING, "apigw.default.timeout connectionId={0} requestId={1}", connectionId, requestId);
        return error("Endpoint request timed out", connectionId, requestId);
    }

    /**
     * The message for a frame refused over the invocation backlog. AWS documents a 429 "Too Many Requests" for
     * throttled requests but not the frame a WebSocket client gets; this one takes the failures' shape (unverified).
     */
    static String throttled(String connectionId, String requestId) {
        return error("Too Many Requests", connectionId, requestId);
    }

    /** The text API Gateway sends a client when a route's integration fails, spacing included. */
    private static String error(String message, String connectionId, String requestId) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connectionId + "\", \"requestId\":\""
                + requestId + "\"}";
    }
}
