package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.EngineError;
import io.vertx.core.http.HttpServerRequest;
import java.util.Base64;

/**
 * Request parts every listener refuses with 400 before anything reads them. Vert.x decodes the query lazily and
 * throws on a broken percent-escape from inside the handler, which left the request unanswered; checking the raw
 * query first turns it into an immediate 400.
 */
public final class MalformedRequests {
    /** RFC 6455 §4.2.1: the key is base64 of 16 bytes, 24 characters with padding. */
    private static final int KEY_BYTES = 16;

    private MalformedRequests() {
    }

    /** Why the request must be refused with 400, or null: a broken query escape, or an upgrade with a bad key. */
    public static String reason(String rawQuery, String upgradeHeader, String webSocketKey) {
        if (badQueryEscape(rawQuery)) {
            return "bad_query_escape";
        }
        if ("websocket".equalsIgnoreCase(upgradeHeader) && badWebSocketKey(webSocketKey)) {
            return "bad_websocket_key";
        }
        return null;
    }

    public static String reason(HttpServerRequest request) {
        return reason(request.query(), request.getHeader("Upgrade"), request.getHeader("Sec-WebSocket-Key"));
    }

    /** Answers a malformed request with Engine.IO's 400 (logged by {@link Refusals}); true when it did. */
    static boolean refused(HttpServerRequest request) {
        String why = reason(request);
        if (why == null) {
            return false;
        }
        Refusals.refuse(request, EngineError.BAD_REQUEST, why);
        return true;
    }

    /** True when a {@code %} in the raw query is not followed by two hex digits (RFC 3986 §2.1). */
    public static boolean badQueryEscape(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        int length = rawQuery.length();
        for (int i = rawQuery.indexOf('%'); i >= 0; i = rawQuery.indexOf('%', i + 1)) {
            if (i + 2 >= length || !hex(rawQuery.charAt(i + 1)) || !hex(rawQuery.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** True unless {@code key} is base64 of exactly 16 bytes (a missing key is bad too). */
    public static boolean badWebSocketKey(String key) {
        if (key == null || key.trim().length() != 24) {
            return true;
        }
        try {
            return Base64.getDecoder().decode(key.trim()).length != KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return true;
        }
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
