package dev.skysocket.gateway.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.BooleanSupplier;

/**
 * {@code /health} for the ALB's target group: a plain HTTP route beside the Engine.IO path, because a health
 * check needs a 200 and a websocket path answers 101 or an Engine.IO error (AWS-FACTS, ALB). 503 once the node
 * drains, so the ALB marks the target unhealthy even before deregistration completes.
 */
final class HealthRoute {
    static final String PATH = "/health";
    private static final String READY = "{\"status\":\"ok\"}";
    private static final String DRAINING = "{\"status\":\"draining\"}";

    private final BooleanSupplier ready;

    HealthRoute(BooleanSupplier ready) {
        this.ready = ready;
    }

    void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        response.putHeader("Cache-Control", "no-store");
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
            return;
        }
        boolean ok = ready.getAsBoolean();
        // Vert.x sends no body for HEAD but keeps the Content-Length of the GET answer.
        response.setStatusCode(ok ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .end(ok ? READY : DRAINING);
    }
}
