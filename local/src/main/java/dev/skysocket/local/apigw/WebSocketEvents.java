package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Lambda proxy events API Gateway sends for WebSocket routes, key for key as AWS sends them: CONNECT
 * carries the upgrade request's headers and query; MESSAGE carries no headers, only the body; DISCONNECT carries
 * AWS's fixed header set and the close status and reason in {@code requestContext}. With a Lambda authorizer, every
 * event's {@code requestContext.authorizer} repeats what it allowed; the authorizer's own event is built here too.
 */
final class WebSocketEvents {

    /** AWS's {@code requestTime} format, e.g. {@code 21/Nov/2026:10:00:00 +0000}. */
    static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The region and account in the local {@code methodArn}: the local stack's region, and no real account. */
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";

    private final ObjectMapper mapper = new ObjectMapper();
    private final String apiId;
    private final String stage;
    private final String domainName;

    WebSocketEvents(String apiId, String stage, String domainName) {
        this.apiId = apiId;
        this.stage = stage;
        this.domainName = domainName;
    }

    String domainName() {
        return domainName;
    }

    String connect(ConnectionContext connection, long requestTimeMillis, String requestId) {
        return connectEvent(connection, requestTimeMillis, requestId).toString();
    }

    /**
     * The {@code $connect} route's Lambda REQUEST authorizer event: the {@code $connect} event's headers, query and
     * request context, with {@code type}, {@code methodArn} and the (empty) stage variables, as AWS sends it.
     */
    String authorizer(ConnectionContext connection, String methodArn, long requestTimeMillis, String requestId) {
        ObjectNode connect = connectEvent(connection, requestTimeMillis, requestId);
        ObjectNode event = mapper.createObjectNode();
        event.put("type", "REQUEST");
        event.put("methodArn", methodArn);
        connect.fields().forEachRemaining(field -> {
            if (field.getKey().equals("requestContext")) {
                event.putObject("stageVariables");
            }
            if (!field.getKey().equals("isBase64Encoded")) {
                event.set(field.getKey(), field.getValue());
            }
        });
        return event.toString();
    }

    /**
     * The ARN the authorizer's policy must allow:
     * {@code arn:aws:execute-api:<region>:<account>:<api>/<stage>/$connect}.
     */
    String connectMethodArn() {
        return "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":" + apiId + "/" + stage + "/$connect";
    }

    private ObjectNode connectEvent(ConnectionContext connection, long requestTimeMillis, String requestId) {
        ObjectNode event = mapper.createObjectNode();
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        for (Map.Entry<String, String> header : connection.headers()) {
            single.put(header.getKey(), header.getValue());
            ArrayNode values = multi.has(header.getKey())
                    ? (ArrayNode) multi.get(header.getKey()) : multi.putArray(header.getKey());
            values.add(header.getValue());
        }
        putQuery(event, connection.rawQuery());
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", "$connect");
        context.putNull("disconnectStatusCode");
        context.putNull("messageId");
        context.put("eventType", "CONNECT");
        putRequest(context, requestTimeMillis, requestId);
        context.putNull("disconnectReason");
        finish(context, connection, requestTimeMillis, requestId);
        event.put("isBase64Encoded", false);
        return event;
    }

    String message(ConnectionContext connection, String body, long receivedAtMillis, String messageId,
                   String requestId) {
        ObjectNode event = mapper.createObjectNode();
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", "$default");
        context.put("messageId", messageId);
        context.put("eventType", "MESSAGE");
        putRequest(context, receivedAtMillis, requestId);
        finish(context, connection, receivedAtMillis, requestId);
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    String disconnect(ConnectionContext connection, int statusCode, String reason, long requestTimeMillis,
                      String requestId) {
        ObjectNode event = mapper.createObjectNode();
        // AWS sends this fixed header set on $disconnect, not the upgrade request's headers.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", domainName);
        headers.put("x-api-key", "");
        headers.put("X-Forwarded-For", "");
        headers.put("x-restapi", "");
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.forEach((name, value) -> {
            single.put(name, value);
            multi.putArray(name).add(value);
        });
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", "$disconnect");
        context.put("disconnectStatusCode", statusCode);
        context.put("eventType", "DISCONNECT");
        putRequest(context, requestTimeMillis, requestId);
        context.put("disconnectReason", reason);
        finish(context, connection, requestTimeMillis, requestId);
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    private static void putRequest(ObjectNode context, long timeMillis, String requestId) {
        context.put("extendedRequestId", requestId);
        context.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(timeMillis)));
        context.put("messageDirection", "IN");
    }

    private void finish(ObjectNode context, ConnectionContext connection, long timeMillis, String requestId) {
        context.put("stage", stage);
        context.put("connectedAt", connection.connectedAtMillis());
        if (connection.authorizer() != null) {
            // AWS repeats what the $connect authorizer allowed in every event of the connection.
            context.set("authorizer", connection.authorizer().deepCopy());
        }
        context.put("requestTimeEpoch", timeMillis);
        ObjectNode identity = context.putObject("identity");
        identity.put("userAgent", connection.userAgent());
        identity.put("sourceIp", connection.sourceIp());
        context.put("requestId", requestId);
        context.put("domainName", domainName);
        context.put("connectionId", connection.connectionId());
        context.put("apiId", apiId);
    }

    /** Decoded query parameters; the single-value map keeps the last value, as API Gateway's does. */
    private static void putQuery(ObjectNode event, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        Map<String, List<String>> parameters = QueryStrings.parse(rawQuery);
        ObjectNode single = event.putObject("queryStringParameters");
        ObjectNode multi = event.putObject("multiValueQueryStringParameters");
        parameters.forEach((name, values) -> {
            single.put(name, values.get(values.size() - 1));
            ArrayNode array = multi.putArray(name);
            values.forEach(array::add);
        });
    }

    /** Query-string decoding kept apart so the event code reads as the event's shape. */
    static final class QueryStrings {

        private QueryStrings() {
        }

        static Map<String, List<String>> parse(String rawQuery) {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
            return parameters;
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return text;
            }
        }
    }
}
