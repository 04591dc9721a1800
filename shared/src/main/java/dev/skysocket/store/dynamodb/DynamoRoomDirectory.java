package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.ENDPOINTS;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.WATCHERS;

import dev.skysocket.store.RoomDirectory;
import dev.skysocket.store.RoomKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The room directory on the single table: one item per room ({@link DynamoSchema#roomDirectoryKey}), two string
 * sets changed with ADD only. A registration is one UpdateItem returning the item as it left it (1 write unit
 * while the item stays under 1 KB), and DynamoDB applies the updates of one item one at a time, so of two
 * registrations the later one's answer holds the earlier endpoint.
 */
public final class DynamoRoomDirectory implements RoomDirectory {
    private final DynamoDbClient client;
    private final String tableName;

    public DynamoRoomDirectory(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Listed register(RoomKey room, String endpoint, boolean member, long expiresAtSeconds) {
        Map<String, AttributeValue> item = client.updateItem(r -> r.tableName(tableName)
                .key(DynamoSchema.roomDirectoryKey(room.tenant(), room.namespace(), room.room()))
                .updateExpression("ADD #set :me SET #exp = :exp")
                .expressionAttributeNames(Map.of("#set", member ? ENDPOINTS : WATCHERS, "#exp", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":me", AttributeValue.fromSs(List.of(endpoint)),
                        ":exp", Attributes.n(expiresAtSeconds)))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        // An item past its TTL but not deleted yet still lists its endpoints: more to read, never fewer.
        return new Listed(set(item, ENDPOINTS), set(item, WATCHERS));
    }

    private static Set<String> set(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || !value.hasSs() ? Set.of() : Set.copyOf(value.ss());
    }
}
