package dev.skysocket.gateway.http.management;

import dev.skysocket.metrics.PrometheusSink;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/** {@code GET /metrics} on the private listener: the process's metric totals as Prometheus text. */
final class MetricsRoute {
    private MetricsRoute() {
    }

    static void handle(HttpServerRequest request, Supplier<String> scrape) {
        if (scrape == null) {
            request.response().setStatusCode(404).end();
        } else if (request.method() != HttpMethod.GET) {
            request.response().setStatusCode(405).putHeader("allow", "GET").end();
        } else {
            request.response().setStatusCode(200).putHeader("content-type", PrometheusSink.CONTENT_TYPE)
                    .end(scrape.get());
        }
    }
}
