package dev.skysocket.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What the client presented when it connected ({@code socket.handshake} in Socket.IO).
 *
 * @param headers the upgrade request's headers, names in lower case
 * @param query   the upgrade request's query parameters
 * @param auth    the CONNECT packet's {@code auth} payload (an empty object when absent)
 * @param address the client's source IP
 * @param time    connection time, epoch millis (Socket.IO's {@code issued}; its text form is {@link #timeText()})
 * @param tenant  the tenant the connection's identity names (the {@code $connect} authorizer's, else the
 *                default tenant)
 * @param user    the authenticated user, or null for an anonymous connection
 * @param url     the request URL's path and query string. On the API Gateway path the path is the stage's
 *                ({@code /} when unknown): API Gateway does not pass the client's URL to {@code $connect}
 * @param secure  whether the client's connection is TLS: the {@code X-Forwarded-Proto} the load balancer or API
 *                Gateway set is {@code https}, or the gateway served TLS itself
 * @param claims  the identity's claims: what the {@code $connect} authorizer passed on beyond tenant and user
 *                (at most 20, 1 KB together; more are dropped when the connection is stored); empty when none
 */
public record Handshake(Map<String, String> headers, Map<String, String> query, JsonNode auth, String address,
                        long time, String tenant, String user, String url, boolean secure,
                        Map<String, String> claims) {
    private static final DateTimeFormatter JS_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT+0000 (Coordinated Universal Time)'",
                    Locale.ROOT).withZone(ZoneOffset.UTC);

    public Handshake {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        url = url == null ? "/" : url;
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /** A handshake whose identity carries no claims. */
    public Handshake(Map<String, String> headers, Map<String, String> query, JsonNode auth, String address,
                     long time, String tenant, String user, String url, boolean secure) {
        this(headers, query, auth, address, time, tenant, user, url, secure, Map.of());
    }

    /** A handshake without URL, not secure (tests, tools). */
    public Handshake(Map<String, String> headers, Map<String, String> query, JsonNode auth, String address,
                     long time, String tenant, String user) {
        this(headers, query, auth, address, time, tenant, user, "/", false);
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Socket.IO's {@code issued}: the connection time, epoch millis. */
    public long issued() {
        return time;
    }

    /** Socket.IO's {@code time}: the connection time as JavaScript's {@code Date.toString()} writes it, in UTC. */
    public String timeText() {
        return JS_DATE.format(Instant.ofEpochMilli(time));
    }

    /** Socket.IO's {@code xdomain}: whether the request named an {@code Origin} (a cross-site browser request). */
    public boolean xdomain() {
        return headers.containsKey("origin");
    }
}
