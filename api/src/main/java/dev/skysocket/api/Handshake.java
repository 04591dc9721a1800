package dev.skysocket.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * What the client presented when it connected ({@code socket.handshake} in Socket.IO).
 *
 * @param headers the upgrade request's headers, names in lower case
 * @param query   the upgrade request's query parameters
 * @param auth    the CONNECT packet's {@code auth} payload (an empty object when absent)
 * @param address the client's source IP
 * @param time    connection time, epoch millis
 * @param tenant  the tenant the connection's identity names (the {@code $connect} authorizer's, else the
 *                default tenant)
 * @param user    the authenticated user, or null for an anonymous connection
 */
public record Handshake(Map<String, String> headers, Map<String, String> query, JsonNode auth, String address,
                        long time, String tenant, String user) {
    public Handshake {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
