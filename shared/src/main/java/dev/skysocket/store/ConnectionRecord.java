package dev.skysocket.store;

import java.util.Map;

/**
 * One transport connection (an API Gateway connection or a gateway session), as stored.
 *
 * @param endpoint     the Management API base URL that reaches this connection
 * @param transport    "websocket" or "polling"
 * @param base64       true when binary must travel as {@code b<base64>} text (API Gateway, forceBase64 clients)
 * @param tenant       never null; the default tenant when auth is off
 * @param user         null for anonymous connections
 * @param headers      the handshake headers (bounded; lower-case names)
 * @param query        the handshake query parameters
 * @param connectedAt  epoch millis
 * @param pingDueAt    epoch millis when the heartbeat sweep must next act on this connection
 * @param awaitingPong true after a ping was sent and before its pong arrived; then pingDueAt is the pong deadline
 * @param expiresAt    epoch seconds; the TTL attribute. Reads treat an item past it as absent
 * @param pending      binary packet parts waiting for each other, or null when none were ever stored
 * @param refusal      null, or why this connection may join no namespace (its identity was denied on the fallback
 *                     gateway, or its tenant was at its connection quota): every CONNECT is answered with a
 *                     CONNECT_ERROR carrying it, which the stock client surfaces as {@code connect_error}
 * @param quotaCounted true when the connection was added to its tenant's connection counter: its removal takes
 *                     it off again
 * @param claims       the identity's claims (the authorizer's context beyond tenant and user), bounded by
 *                     {@link IdentityClaims}; never null
 */
public record ConnectionRecord(String connectionId, String endpoint, String transport, boolean base64,
                               String tenant, String user, String sourceIp, Map<String, String> headers,
                               Map<String, String> query, long connectedAt, long pingDueAt, boolean awaitingPong,
                               boolean opened, long expiresAt, PendingBinary pending, String refusal,
                               boolean quotaCounted, Map<String, String> claims) {
    public ConnectionRecord {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        query = query == null ? Map.of() : Map.copyOf(query);
        claims = IdentityClaims.bounded(claims);
    }

    /** A connection whose identity carries no claims. */
    public ConnectionRecord(String connectionId, String endpoint, String transport, boolean base64,
                            String tenant, String user, String sourceIp, Map<String, String> headers,
                            Map<String, String> query, long connectedAt, long pingDueAt, boolean awaitingPong,
                            boolean opened, long expiresAt, PendingBinary pending, String refusal,
                            boolean quotaCounted) {
        this(connectionId, endpoint, transport, base64, tenant, user, sourceIp, headers, query, connectedAt,
                pingDueAt, awaitingPong, opened, expiresAt, pending, refusal, quotaCounted, Map.of());
    }

    /** A connection that may join namespaces. */
    public ConnectionRecord(String connectionId, String endpoint, String transport, boolean base64, String tenant,
                            String user, String sourceIp, Map<String, String> headers, Map<String, String> query,
                            long connectedAt, long pingDueAt, boolean awaitingPong, boolean opened, long expiresAt,
                            PendingBinary pending) {
        this(connectionId, endpoint, transport, base64, tenant, user, sourceIp, headers, query, connectedAt,
                pingDueAt, awaitingPong, opened, expiresAt, pending, null, false);
    }

    /** The same connection, refused for {@code reason} (and so not counted). */
    public ConnectionRecord refused(String reason) {
        return new ConnectionRecord(connectionId, endpoint, transport, base64, tenant, user, sourceIp, headers, query,
                connectedAt, pingDueAt, awaitingPong, opened, expiresAt, pending, reason, false, claims);
    }

    /** The same connection, added to its tenant's connection counter. */
    public ConnectionRecord counted() {
        return new ConnectionRecord(connectionId, endpoint, transport, base64, tenant, user, sourceIp, headers, query,
                connectedAt, pingDueAt, awaitingPong, opened, expiresAt, pending, refusal, true, claims);
    }

    /** The same connection, its identity carrying {@code claims}. */
    public ConnectionRecord withClaims(Map<String, String> claims) {
        return new ConnectionRecord(connectionId, endpoint, transport, base64, tenant, user, sourceIp, headers, query,
                connectedAt, pingDueAt, awaitingPong, opened, expiresAt, pending, refusal, quotaCounted, claims);
    }
}
