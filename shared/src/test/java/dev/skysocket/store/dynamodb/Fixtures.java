package dev.skysocket.store.dynamodb;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.SocketRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records for store tests. Times are anchored on the real clock because DynamoDB Local's TTL sweeper deletes
 * items whose expiresAt is past in real time: every item written here expires an hour from now, and "later"
 * readers use a clock moved forward instead of items written already expired.
 */
final class Fixtures {
    static final Instant NOW = Instant.now();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long EXPIRES_AT = NOW.plus(Duration.ofHours(1)).getEpochSecond();
    static final String ENDPOINT = "https://abc123.execute-api.us-east-1.amazonaws.com/prod";

    private Fixtures() {
    }

    /** A clock past every item's expiry. */
    static Clock afterExpiry() {
        return Clock.fixed(Instant.ofEpochSecond(EXPIRES_AT + 1), ZoneOffset.UTC);
    }

    /** JSON text as a tree, so that tests compare objects whatever their key order. */
    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static ConnectionRecord connection(String connectionId) {
        return connection(connectionId, "acme", null, NOW.toEpochMilli() + 540_000);
    }

    static ConnectionRecord connection(String connectionId, String tenant, String user, long pingDueAt) {
        return new ConnectionRecord(connectionId, ENDPOINT, "websocket", true, tenant, user, "203.0.113.7",
                Map.of("origin", "https://app.example"), Map.of("EIO", "4", "transport", "websocket"),
                NOW.toEpochMilli(), pingDueAt, false, false, EXPIRES_AT, null);
    }

    static SocketRecord socket(String connectionId, String namespace, String tenant) {
        return new SocketRecord(connectionId, namespace, id("sock"), tenant, Set.of(), "{}", null,
                NOW.toEpochMilli());
    }

    /** Sockets expire with their connection: same rule as the connection items above. */
    static DynamoConnectionStore connectionStore(software.amazon.awssdk.services.dynamodb.DynamoDbClient client,
                                                 String table, int roomShards, Clock clock) {
        return new DynamoConnectionStore(client, table, roomShards, connectedAtMs -> EXPIRES_AT, clock);
    }
}
