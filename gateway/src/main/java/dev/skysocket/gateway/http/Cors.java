package dev.skysocket.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;

/**
 * CORS for configured Origins only: the Origin is echoed with credentials (cookies carry the session secret and
 * the sticky cookie, so {@code *} would not do). A foreign Origin gets no CORS headers and the browser blocks it.
 */
final class Cors {
    private final Set<String> allowed;

    Cors(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** Adds the headers when the request's Origin is allowed; true when it was. */
    boolean apply(HttpServerRequest request, HttpServerResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null || !allowed.contains(origin)) {
            return false;
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        response.putHeader("Access-Control-Allow-Credentials", "true");
        response.putHeader("Vary", "Origin");
        return true;
    }

    void preflight(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (apply(request, response)) {
            response.putHeader("Access-Control-Allow-Methods", "GET, POST");
            response.putHeader("Access-Control-Allow-Headers", "Content-Type");
            response.putHeader("Access-Control-Max-Age", "600");
        }
        response.setStatusCode(204).end();
    }
}
