package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.CONNECTED_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.DATA;
import static dev.skysocket.store.dynamodb.DynamoSchema.DISCONNECTED_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.NAMESPACE;
import static dev.skysocket.store.dynamodb.DynamoSchema.PID;
import static dev.skysocket.store.dynamodb.DynamoSchema.ROOMS;
import static dev.skysocket.store.dynamodb.DynamoSchema.SECRET;
import static dev.skysocket.store.dynamodb.DynamoSchema.SOCKET_ID;
import static dev.skysocket.store.dynamodb.DynamoSchema.TENANT;

import dev.skysocket.store.KeptSession;
import dev.skysocket.store.RecoveryStore;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Kept sessions, one item each in their own partition ({@code K#pid}): one PutItem when a socket's transport drops
 * in a namespace with recovery on, one DeleteItem returning the item when its client comes back. The pid key is
 * one item, read once per process.
 */
public final class DynamoRecoveryStore implements RecoveryStore {
    private static final int KEY_BYTES = 32;
    private final DynamoDbClient client;
    private final String tableName;
    private volatile byte[] pidKey;

    public DynamoRecoveryStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public void keep(KeptSession session, long expiresAtSeconds) {
        Map<String, AttributeValue> item = new HashMap<>(keptKey(session.pid()));
        item.put(PID, Attributes.s(session.pid()));
        item.put(TENANT, Attributes.s(session.tenant()));
        item.put(NAMESPACE, Attributes.s(session.namespace()));
        item.put(SOCKET_ID, Attributes.s(session.socketId()));
        if (!session.rooms().isEmpty()) {
            item.put(ROOMS, AttributeValue.fromSs(session.rooms().stream().toList()));
        }
        Attributes.putIfPresent(item, DATA, session.dataJson());
        item.put(CONNECTED_AT, Attributes.n(session.connectedAt()));
        item.put(DISCONNECTED_AT, Attributes.n(session.disconnectedAt()));
        item.put(EXPIRES_AT, Attributes.n(expiresAtSeconds));
        client.putItem(r -> r.tableName(tableName).item(item));
    }

    @Override
    public Optional<KeptSession> take(String pid, long nowMillis) {
        // A conditional delete returning what it removed: of two callers, only the one whose delete found the item
        // gets it; the other's condition fails.
        Map<String, AttributeValue> old;
        try {
            old = client.deleteItem(r -> r.tableName(tableName).key(keptKey(pid))
                    .conditionExpression("attribute_exists(pk)").returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException none) {
            return Optional.empty();
        }
        if (old == null || old.isEmpty() || !DynamoSchema.isLive(old, nowMillis / 1000)) {
            return Optional.empty();
        }
        AttributeValue rooms = old.get(ROOMS);
        return Optional.of(new KeptSession(Attributes.string(old, PID), Attributes.string(old, TENANT),
                Attributes.string(old, NAMESPACE), Attributes.string(old, SOCKET_ID),
                rooms == null ? Set.of() : Set.copyOf(rooms.ss()), Attributes.string(old, DATA),
                Attributes.number(old, CONNECTED_AT, 0), Attributes.number(old, DISCONNECTED_AT, 0)));
    }

    @Override
    public byte[] pidKey() {
        byte[] key = pidKey;
        if (key == null) {
            key = loadOrCreateKey();
            pidKey = key;
        }
        return key.clone();
    }

    private byte[] loadOrCreateKey() {
        Map<String, AttributeValue> id = DynamoSchema.key(DynamoSchema.PID_KEY_PK, DynamoSchema.PID_KEY_SK);
        Map<String, AttributeValue> found = client.getItem(r -> r.tableName(tableName).key(id).consistentRead(true))
                .item();
        if (found != null && found.containsKey(SECRET)) {
            return found.get(SECRET).b().asByteArray();
        }
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        Map<String, AttributeValue> item = new HashMap<>(id);
        item.put(SECRET, AttributeValue.fromB(SdkBytes.fromByteArray(fresh)));
        try {
            // Conditional: of two processes creating it at once, both end up with the first one's key.
            client.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            return fresh;
        } catch (ConditionalCheckFailedException other) {
            return client.getItem(r -> r.tableName(tableName).key(id).consistentRead(true)).item().get(SECRET).b()
                    .asByteArray();
        }
    }

    private static Map<String, AttributeValue> keptKey(String pid) {
        return DynamoSchema.key(DynamoSchema.keptPk(pid), DynamoSchema.KEPT_SK);
    }
}
