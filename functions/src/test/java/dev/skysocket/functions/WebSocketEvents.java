package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway WebSocket events as API Gateway sends them, from the JSON templates under {@code /events}. A
 * template value {@code "${name}"} is replaced by a JSON literal, so numbers stay numbers and bodies are escaped.
 */
final class WebSocketEvents {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebSocketEvents() {
    }

    /** An id shaped like API Gateway's: 15 base64 characters and a padding '='. */
    static String newConnectionId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            id.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return id.append('=').toString();
    }

    static String connect(String connectionId, String engineIoVersion) {
        long now = System.currentTimeMillis();
        return fill("connect", Map.of("connectionId", connectionId, "eio", engineIoVersion, "connectedAt", now,
                "requestTime", requestTime(now)));
    }

    static String message(String connectionId, String body) {
        long now = System.currentTimeMillis();
        return fill("default", Map.of("connectionId", connectionId, "body", body, "connectedAt", now - 1000,
                "requestTimeEpoch", now, "requestTime", requestTime(now)));
    }

    static String disconnect(String connectionId) {
        long now = System.currentTimeMillis();
        return fill("disconnect", Map.of("connectionId", connectionId, "connectedAt", now - 5000,
                "requestTimeEpoch", now, "requestTime", requestTime(now)));
    }

    /**
     * The event API Gateway sends the {@code $connect} route's Lambda REQUEST authorizer; {@code query} holds the
     * upgrade request's query parameters (the token among them), one value each.
     */
    static String authorizer(String connectionId, Map<String, String> query) {
        long now = System.currentTimeMillis();
        Map<String, Object> multi = new LinkedHashMap<>();
        query.forEach((name, value) -> multi.put(name, List.of(value)));
        return fill("authorizer", Map.of("connectionId", connectionId, "query", query, "multiQuery", multi,
                "connectedAt", now, "requestTime", requestTime(now)));
    }

    static String scheduled() {
        return template("scheduled");
    }

    /** The typed event, read the way the Lambda runtime reads it, for calls that bypass the handler under test. */
    static APIGatewayV2WebSocketEvent parse(String json) {
        try {
            return JSON.readValue(json, APIGatewayV2WebSocketEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an API Gateway WebSocket event: " + json, e);
        }
    }

    static String fill(String name, Map<String, Object> values) {
        String json = template(name);
        for (var entry : values.entrySet()) {
            try {
                json = json.replace("\"${" + entry.getKey() + "}\"", JSON.writeValueAsString(entry.getValue()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        if (json.contains("${")) {
            throw new IllegalStateException("template " + name + " has an unfilled value: " + json);
        }
        return json;
    }

    private static String template(String name) {
        try (InputStream in = WebSocketEvents.class.getResourceAsStream("/events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no test resource /events/" + name + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requestTime(long epochMillis) {
        return ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).format(REQUEST_TIME);
    }
}
