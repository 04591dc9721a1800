package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.MalformedRequests;
import dev.skysocket.gateway.http.management.ManagementRoute;
import io.vertx.core.http.HttpServerRequest;

/**
 * Plain HTTP requests on the stage's port: {@code /<stage>/@connections/<id>} goes to the {@link ManagementRoute};
 * anything else gets API Gateway's 403, and a broken query escape its 400, in AWS's JSON error shape.
 */
final class ManagementRoutes {

    private final ManagementRoute management;

    ManagementRoutes(ManagementRoute management) {
        this.management = management;
    }

    void onRequest(HttpServerRequest request) {
        if (MalformedRequests.badQueryEscape(request.query())) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .putHeader("x-amzn-ErrorType", "BadRequestException").end("{\"message\":\"Bad Request\"}");
            return;
        }
        if (!management.handle(request)) {
            request.response().setStatusCode(403)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("x-amzn-ErrorType", "ForbiddenException")
                    .end("{\"message\":\"Forbidden\"}");
        }
    }
}
