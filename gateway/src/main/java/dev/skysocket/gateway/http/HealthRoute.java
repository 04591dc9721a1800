package dev.skysocket.gateway.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.BooleanSupplier;

/**
 * {@code /health} for the ALB's target group: a plain HTTP route beside the Engine.IO path, because a health
 * check needs a 200 and a websocket path answers 101 or an Engine.IO error (AWS-FACTS, ALB). 503 once the node
 * drains, so the ALB marks the target unhealthy even before deregistration completes; 503 with a reason while the
 * {@link HealthProbe} reports a fault (the store unreachable), so the ALB routes to nodes that can serve.
 */
final class HealthRoute {
    static final String PATH = "/health";
    private static final String READY = "{\"status\":\"ok\"}";
    private static final String DRAINING = "{\"status\":\"draining\"}";

    private final BooleanSupplier ready;
    private volatile HealthProbe probe = HealthProbe.ALWAYS_OK;

    HealthRoute(BooleanSupplier ready) {
        this.ready = ready;
    }

    void probe(HealthProbe healthProbe) {
        this.probe = healthProbe;
    }

    void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        response.putHeader("Cache-Control", "no-store");
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
            return;
        }
        if (!ready.getAsBoolean()) {
            answer(response, 503, DRAINING);
            return;
        }
        Context context = Vertx.currentContext();
        probe.fault().whenComplete((fault, error) -> {
            String reason = error != null ? "probe failed" : fault;
            Runnable send = () -> answer(response, reason == null ? 200 : 503, reason == null ? READY
                    : "{\"status\":\"unavailable\",\"reason\":\"" + reason + "\"}");
            if (context == null) {
                send.run();
            } else {
                context.runOnContext(v -> send.run());
            }
        });
    }

    private static void answer(HttpServerResponse response, int status, String body) {
        if (response.ended() || response.closed()) {
            return; // the checker gave up first
        }
        // Vert.x sends no body for HEAD but keeps the Content-Length of the GET answer.
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
