package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.ENDPOINTS;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.WATCHERS;

import dev.skysocket.store.RoomDirectory;
import dev.skysocket.store.RoomKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The room directory on the single table: one item per room ({@link DynamoSchema#roomDirectoryKey}), two string
 * sets, each element one registration with its expiry ({@link DirectoryElements}). A registration is one
 * UpdateItem that ADDs its element and returns the item as it left it (1 write unit while the item stays under
 * 1 KB), and DynamoDB applies the updates of one item one at a time, so of two registrations the later one's answer
 * holds the earlier endpoint. Expired elements are not listed; a registration that finds {@link #DELETE_BATCH} or
 * more past their grace deletes them, so the item stays small without a second write on most registrations.
 */
public final class DynamoRoomDirectory implements RoomDirectory {
    private static final System.Logger LOG = System.getLogger(DynamoRoomDirectory.class.getName());
    /** Expired elements (about 70 bytes each) worth a DELETE of their own. */
    static final int DELETE_BATCH = 8;
    private final DynamoDbClient client;
    private final String tableName;

    public DynamoRoomDirectory(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Listed register(RoomKey room, String endpoint, boolean member, long expiresAtSeconds, long nowSeconds) {
        Map<String, AttributeValue> key = DynamoSchema.roomDirectoryKey(room.tenant(), room.namespace(), room.room());
        Map<String, AttributeValue> item = client.updateItem(r -> r.tableName(tableName).key(key)
                .updateExpression("ADD #set :me SET #exp = :exp")
                .expressionAttributeNames(Map.of("#set", member ? ENDPOINTS : WATCHERS, "#exp", EXPIRES_AT))
                .expressionAttributeValues(Map.of(
                        ":me", AttributeValue.fromSs(List.of(DirectoryElements.of(endpoint, expiresAtSeconds))),
                        ":exp", Attributes.n(expiresAtSeconds)))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        // An item past its TTL but not deleted yet still lists its live elements: more to read, never fewer.
        DirectoryElements.Split members = DirectoryElements.split(elements(item, ENDPOINTS), nowSeconds);
        DirectoryElements.Split watchers = DirectoryElements.split(elements(item, WATCHERS), nowSeconds);
        if (members.deletable().size() + watchers.deletable().size() >= DELETE_BATCH) {
            deleteExpired(key, members.deletable(), watchers.deletable());
        }
        return new Listed(members.live(), watchers.live());
    }

    /**
     * Keeps the item small: the expired elements go (a DELETE of set elements, safe beside any concurrent ADD).
     * Best effort: an element left behind costs bytes, never a wrong answer.
     */
    private void deleteExpired(Map<String, AttributeValue> key, List<String> members, List<String> watchers) {
        List<String> parts = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (!members.isEmpty()) {
            parts.add("#m :m");
            names.put("#m", ENDPOINTS);
            values.put(":m", AttributeValue.fromSs(members));
        }
        if (!watchers.isEmpty()) {
            parts.add("#w :w");
            names.put("#w", WATCHERS);
            values.put(":w", AttributeValue.fromSs(watchers));
        }
        try {
            client.updateItem(r -> r.tableName(tableName).key(key)
                    .updateExpression("DELETE " + String.join(", ", parts))
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "event=room_directory_prune_failed error={0}",
                    e.getClass().getSimpleName());
        }
    }

    private static List<String> elements(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || !value.hasSs() ? List.of() : value.ss();
    }
}
