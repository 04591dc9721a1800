package dev.skysocket.functions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a publish call: {@code {"tenant", "namespace", "rooms": [], "except": [], "event", "args": []}}.
 * {@code namespace} defaults to {@code "/"}, {@code rooms}, {@code except} and {@code args} to empty; no rooms
 * means every socket of the namespace, as {@code io.of(ns).emit} in Socket.IO. With an {@code "action"} other than
 * {@code "emit"} ({@link PublishAction}) the call acts on the target's sockets instead and needs no event.
 */
record PublishRequest(String tenant, String namespace, List<String> rooms, List<String> except, String event,
                      List<JsonNode> args, PublishAction action) {
    /** API Gateway delivers at most 128 KB per message: a bigger event could reach no client. */
    static final int MAX_BODY_BYTES = 128 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxNumberLength(100)
                    .maxStringLength(MAX_BODY_BYTES)
                    .build())
            .build());

    /** A request the publish endpoint refuses, with the HTTP status to answer. */
    static final class Refused extends Exception {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Reads a function URL body, base64-encoded or not. */
    static PublishRequest parse(String body, boolean base64) throws Refused {
        if (body == null || body.isEmpty()) {
            throw new Refused(400, "the body must be a JSON object");
        }
        if (body.length() > (base64 ? MAX_BODY_BYTES / 3 * 4 + 4 : MAX_BODY_BYTES)) {
            throw new Refused(413, "the body is over " + MAX_BODY_BYTES + " bytes");
        }
        byte[] bytes;
        try {
            bytes = base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "the body is not valid base64");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new Refused(413, "the body is over " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new Refused(400, "the body is not JSON within limits");
        }
        if (json == null || !json.isObject()) {
            throw new Refused(400, "the body must be a JSON object");
        }
        String tenant = text(json, "tenant", null);
        String namespace = text(json, "namespace", "/");
        String event = text(json, "event", null);
        if (tenant == null || tenant.isBlank()) {
            throw new Refused(400, "tenant is required");
        }
        if (!namespace.startsWith("/")) {
            throw new Refused(400, "namespace must start with '/'");
        }
        PublishAction action = PublishAction.parse(json);
        if (action instanceof PublishAction.Emit && (event == null || event.isEmpty())) {
            throw new Refused(400, "event is required");
        }
        List<JsonNode> args = new ArrayList<>();
        array(json, "args").forEach(args::add);
        return new PublishRequest(tenant, namespace, strings(json, "rooms"), strings(json, "except"), event,
                List.copyOf(args), action);
    }

    private static String text(JsonNode json, String field, String fallback) throws Refused {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new Refused(400, field + " must be a string");
        }
        return value.asText();
    }

    private static JsonNode array(JsonNode json, String field) throws Refused {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return JSON.createArrayNode();
        }
        if (!value.isArray()) {
            throw new Refused(400, field + " must be an array");
        }
        return value;
    }

    private static List<String> strings(JsonNode json, String field) throws Refused {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(json, field)) {
            if (!item.isTextual()) {
                throw new Refused(400, field + " must be an array of strings");
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }
}
