package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.SOCKET_ID;
import static dev.skysocket.store.dynamodb.DynamoSchema.connectionPk;
import static dev.skysocket.store.dynamodb.DynamoSchema.membershipKey;
import static dev.skysocket.store.dynamodb.DynamoSchema.socketKey;

import dev.skysocket.store.SocketRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Deletes sockets and connections with everything that points at them. Memberships go first: if the process
 * dies halfway, what is left is a socket item that the next removal (or TTL) finds again, never a membership
 * that keeps receiving broadcasts with nothing to lead back to it.
 */
final class RemovalCascade {
    private final DynamoDbClient client;
    private final String tableName;
    private final int roomShards;
    private final BatchWriter writer;

    RemovalCascade(DynamoDbClient client, String tableName, int roomShards, BatchWriter writer) {
        this.client = client;
        this.tableName = tableName;
        this.roomShards = roomShards;
        this.writer = writer;
    }

    /** The membership keys of a socket: every room in its set plus its own id room. */
    List<Map<String, AttributeValue>> membershipKeys(SocketRecord socket, Set<String> rooms) {
        Set<String> all = new LinkedHashSet<>(rooms);
        all.add(socket.socketId());
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String room : all) {
            keys.add(membershipKey(socket.tenant(), socket.namespace(), room, socket.socketId(), roomShards));
        }
        return keys;
    }

    /**
     * @param stored the socket item as found by a consistent read with no write since (an empty map when it was
     *               absent), or null to read it here
     */
    void removeSocket(SocketRecord socket, Map<String, AttributeValue> stored) {
        // The caller's copy may miss rooms joined since it was read: take the stored set too, if it is the same socket.
        if (stored == null) {
            stored = client.getItem(r -> r.tableName(tableName).consistentRead(true)
                    .key(socketKey(socket.connectionId(), socket.namespace()))).item();
        }
        Set<String> rooms = new LinkedHashSet<>(socket.rooms());
        boolean sameSocket = stored != null && !stored.isEmpty()
                && socket.socketId().equals(Attributes.string(stored, SOCKET_ID));
        if (sameSocket) {
            rooms.addAll(ItemMapper.socket(stored).rooms());
        }
        writer.deleteAll(membershipKeys(socket, rooms));
        if (!sameSocket) {
            return; // gone already, or replaced by a newer socket of the same namespace that is not ours to delete
        }
        try {
            client.deleteItem(r -> r.tableName(tableName)
                    .key(socketKey(socket.connectionId(), socket.namespace()))
                    .conditionExpression("#sid = :sid")
                    .expressionAttributeNames(Map.of("#sid", SOCKET_ID))
                    .expressionAttributeValues(Map.of(":sid", Attributes.s(socket.socketId()))));
        } catch (ConditionalCheckFailedException replacedMeanwhile) {
            // A newer socket took the namespace between our read and delete: it stays.
        }
    }

    /** Deletes what a replaced socket leaves behind: memberships its successor does not take over. */
    void removeStaleMemberships(SocketRecord previous, SocketRecord next) {
        if (!previous.socketId().equals(next.socketId())) {
            writer.deleteAll(membershipKeys(previous, previous.rooms()));
            return;
        }
        Set<String> dropped = new LinkedHashSet<>(previous.rooms());
        dropped.removeAll(next.rooms());
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String room : dropped) {
            keys.add(membershipKey(previous.tenant(), previous.namespace(), room, previous.socketId(), roomShards));
        }
        writer.deleteAll(keys);
    }

    void removeConnection(String connectionId) {
        List<Map<String, AttributeValue>> itemKeys = new ArrayList<>();
        List<Map<String, AttributeValue>> memberships = new ArrayList<>();
        // Consistent: a socket written just before must not escape the cascade. Expired items are removed too.
        var pages = client.queryPaginator(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", DynamoSchema.PK))
                .expressionAttributeValues(Map.of(":pk", Attributes.s(connectionPk(connectionId)))));
        for (Map<String, AttributeValue> item : pages.items()) {
            itemKeys.add(DynamoSchema.key(Attributes.string(item, DynamoSchema.PK),
                    Attributes.string(item, DynamoSchema.SK)));
            if (ItemMapper.isSocketItem(item)) {
                SocketRecord socket = ItemMapper.socket(item);
                memberships.addAll(membershipKeys(socket, socket.rooms()));
            }
        }
        writer.deleteAll(memberships);
        writer.deleteAll(itemKeys);
    }
}
