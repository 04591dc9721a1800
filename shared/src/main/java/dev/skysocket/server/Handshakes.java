package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.api.Handshake;
import dev.skysocket.store.ConnectionRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The {@link Handshake} of a stored connection, the same on both paths since both store the same record. */
final class Handshakes {

    private Handshakes() {
    }

    static Handshake of(ConnectionRecord connection, JsonNode auth) {
        return new Handshake(connection.headers(), connection.query(), auth, connection.sourceIp(),
                connection.connectedAt(), connection.tenant(), connection.user(), url(connection.query()),
                secure(connection.headers()), connection.claims());
    }

    /**
     * The record keeps the query, not the request path, so the URL is {@code /} with the query (in name order).
     * API Gateway does not give {@code $connect} the client's path anyway.
     */
    static String url(Map<String, String> query) {
        StringBuilder url = new StringBuilder("/");
        char separator = '?';
        for (Map.Entry<String, String> entry : new TreeMap<>(query).entrySet()) {
            url.append(separator).append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** TLS ends at API Gateway or the load balancer, which both say so in {@code X-Forwarded-Proto}. */
    static boolean secure(Map<String, String> headers) {
        String proto = headers.get("x-forwarded-proto");
        return proto != null && proto.trim().equalsIgnoreCase("https");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
