package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.MalformedRequests;
import io.vertx.core.http.HttpServerRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Plain HTTP requests on the stage's port: {@code /<stage>/@connections/<id>} goes to the {@link ManagementApi};
 * anything else gets API Gateway's 403, and a broken query escape its 400, in AWS's JSON error shape.
 */
final class ManagementRoutes {

    private final String stage;
    private final ManagementApi management;

    ManagementRoutes(String stage, ManagementApi management) {
        this.stage = stage;
        this.management = management;
    }

    void onRequest(HttpServerRequest request) {
        if (MalformedRequests.badQueryEscape(request.query())) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .putHeader("x-amzn-ErrorType", "BadRequestException").end("{\"message\":\"Bad Request\"}");
            return;
        }
        String[] segments = request.path().split("/", -1);
        if (segments.length == 4 && segments[0].isEmpty() && segments[1].equals(stage)
                && decodePathSegment(segments[2]).equals("@connections") && !segments[3].isEmpty()) {
            management.handle(request, decodePathSegment(segments[3]));
        } else {
            request.response().setStatusCode(403)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("x-amzn-ErrorType", "ForbiddenException")
                    .end("{\"message\":\"Forbidden\"}");
        }
    }

    /** Percent-decoding of one path segment; a literal '+' stays a '+' (it only means space in a query). */
    private static String decodePathSegment(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
