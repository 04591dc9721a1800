package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;

/**
 * Catches a function wired to the wrong handler (a wrong {@code QUARKUS_LAMBDA_HANDLER}, or a route pointed at
 * the wrong function) on its first event, with a message that says how to fix it.
 */
final class RouteCheck {
    private RouteCheck() {
    }

    static void expect(APIGatewayV2WebSocketEvent event, String routeKey, String handler) {
        String actual = routeKey(event);
        if (!routeKey.equals(actual)) {
            throw misrouted(actual, handler);
        }
    }

    /** {@code $default} and any custom route carry messages; the two lifecycle routes do not. */
    static void expectMessage(APIGatewayV2WebSocketEvent event, String handler) {
        String actual = routeKey(event);
        if (actual == null || actual.equals("$connect") || actual.equals("$disconnect")) {
            throw misrouted(actual, handler);
        }
    }

    private static String routeKey(APIGatewayV2WebSocketEvent event) {
        return event == null || event.getRequestContext() == null ? null : event.getRequestContext().getRouteKey();
    }

    private static IllegalStateException misrouted(String routeKey, String handler) {
        return new IllegalStateException("this function runs the '" + handler + "' handler but got route "
                + routeKey + ": check QUARKUS_LAMBDA_HANDLER of this function and the route's integration");
    }
}
