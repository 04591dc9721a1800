package dev.skysocket.gateway.http.management;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.gateway.management.ConnectionTargets;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The {@code @connections} API's answers in AWS's shapes, shared by the emulator's Management API and the
 * gateway's private one, so the AWS SDK maps both the same way (the error type travels in
 * {@code x-amzn-ErrorType}; a 410 has an empty body).
 */
public final class ManagementReplies {
    public static final String SIGV4_PREFIX = "AWS4-HMAC-SHA256 ";

    private ManagementReplies() {
    }

    /** True when the request carries a SigV4 Authorization header (its signature is not verified here). */
    public static boolean signed(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.startsWith(SIGV4_PREFIX);
    }

    public static HttpServerResponse respond(HttpServerRequest request, int status) {
        return request.response().setStatusCode(status).putHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    public static void gone(HttpServerRequest request) {
        respond(request, 410)
                .putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-ErrorType", "GoneException")
                .end();
    }

    public static void error(HttpServerRequest request, int status, String errorType, String message) {
        String json = JsonNodeFactory.instance.objectNode().put("message", message).toString();
        respond(request, status)
                .putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-ErrorType", errorType)
                .end(json);
    }

    /** GetConnection's answer: 200 with the connection's JSON description. */
    public static void describe(HttpServerRequest request, ConnectionTargets.Description description) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("connectedAt", iso(description.connectedAt()));
        ObjectNode identity = json.putObject("identity");
        identity.put("sourceIp", description.sourceIp());
        identity.put("userAgent", description.userAgent());
        json.put("lastActiveAt", iso(description.lastActiveAt()));
        respond(request, 200).putHeader("Content-Type", "application/json").end(json.toString());
    }

    /** GetConnection's timestamps: ISO-8601 with milliseconds, as the SDK parses them. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
