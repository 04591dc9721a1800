package dev.skysocket.functions.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** API Gateway WebSocket events as raw JSON, the shape and fields API Gateway sends a Lambda proxy integration. */
final class Events {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Events() {
    }

    static String newConnectionId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 14) + "=";
    }

    static String connect(String connectionId, String domainName) {
        long now = System.currentTimeMillis();
        return "{\"headers\":{\"Host\":\"" + domainName + "\",\"Sec-WebSocket-Key\":\"dGhlIHNhbXBsZSBub25jZQ==\","
                + "\"Sec-WebSocket-Version\":\"13\",\"User-Agent\":\"bench\"},"
                + "\"multiValueHeaders\":{\"Host\":[\"" + domainName + "\"]},"
                + "\"queryStringParameters\":{\"EIO\":\"4\",\"transport\":\"websocket\"},"
                + "\"multiValueQueryStringParameters\":{\"EIO\":[\"4\"],\"transport\":[\"websocket\"]},"
                + context("$connect", "CONNECT", connectionId, domainName, now) + ",\"isBase64Encoded\":false}";
    }

    static String message(String connectionId, String domainName, String body) {
        long now = System.currentTimeMillis();
        return "{" + context("$default", "MESSAGE", connectionId, domainName, now)
                + ",\"body\":\"" + body.replace("\"", "\\\"") + "\",\"isBase64Encoded\":false}";
    }

    private static String context(String routeKey, String eventType, String connectionId, String domainName,
                                  long now) {
        String requestId = UUID.randomUUID().toString().substring(0, 16);
        return "\"requestContext\":{\"routeKey\":\"" + routeKey + "\",\"eventType\":\"" + eventType + "\","
                + (eventType.equals("MESSAGE") ? "\"messageId\":\"" + requestId + "\"," : "")
                + "\"extendedRequestId\":\"" + requestId + "\",\"requestTime\":\"" + REQUEST_TIME.format(
                java.time.Instant.ofEpochMilli(now)) + "\",\"messageDirection\":\"IN\",\"stage\":\"dev\","
                + "\"connectedAt\":" + now + ",\"requestTimeEpoch\":" + now + ","
                + "\"identity\":{\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"bench\"},"
                + "\"requestId\":\"" + requestId + "\",\"domainName\":\"" + domainName + "\","
                + "\"connectionId\":\"" + connectionId + "\",\"apiId\":\"benchapi01\"}";
    }
}
