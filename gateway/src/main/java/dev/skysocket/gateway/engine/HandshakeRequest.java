package dev.skysocket.gateway.engine;

import java.util.Map;

/** What the client sent when it opened the session (headers with lower-case names). */
public record HandshakeRequest(Map<String, String> headers, Map<String, String> query, String remoteAddress,
                               long time) {
    public HandshakeRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }
}
