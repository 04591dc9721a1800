package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.ROOMS_VERSION;
import static dev.skysocket.store.dynamodb.DynamoSchema.SOCKET_ID;
import static dev.skysocket.store.dynamodb.DynamoSchema.connectionPk;
import static dev.skysocket.store.dynamodb.DynamoSchema.membershipKey;
import static dev.skysocket.store.dynamodb.DynamoSchema.socketKey;

import dev.skysocket.store.ConnectionCounts;
import dev.skysocket.store.PresenceRooms;
import dev.skysocket.store.PresenceStore;
import dev.skysocket.store.SocketRecord;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** Tries of a socket's delete; each failed one means a join or leave of that socket landed meanwhile. */
    static final int MAX_ATTEMPTS = 10;
    private static final System.Logger LOG = System.getLogger(RemovalCascade.class.getName());
    private final DynamoDbClient client;
    private final String tableName;
    private final int roomShards;
    private final BatchWriter writer;
    private final CountedRemoval counted;
    private final PresenceStore presence;

    RemovalCascade(DynamoDbClient client, String tableName, int roomShards, BatchWriter writer) {
        this(client, tableName, roomShards, writer, null, PresenceStore.NONE);
    }

    /**
     * @param counts   the tenant connection counters, or null when nothing is counted
     * @param presence the presence members a removed socket leaves
     */
    RemovalCascade(DynamoDbClient client, String tableName, int roomShards, BatchWriter writer,
                   ConnectionCounts counts, PresenceStore presence) {
        this.presence = presence;
        this.client = client;
        this.tableName = tableName;
        this.roomShards = roomShards;
        this.writer = writer;
        this.counted = new CountedRemoval(client, tableName, counts);
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
     * @param stored the socket item as found by a consistent read (an empty map when it was absent), or null to
     *               read it here. A copy that missed a later join is safe: the delete is conditional on the rooms
     *               version it saw, and a failed delete reads again and clears the rooms it missed.
     */
    void removeSocket(SocketRecord socket, Map<String, AttributeValue> stored) {
        Set<String> cleared = new LinkedHashSet<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (stored == null) {
                stored = client.getItem(r -> r.tableName(tableName).consistentRead(true)
                        .key(socketKey(socket.connectionId(), socket.namespace()))).item();
            }
            // The caller's copy may miss rooms joined since it was read: take the stored set too, if it is ours.
            Set<String> rooms = new LinkedHashSet<>(socket.rooms());
            boolean sameSocket = stored != null && !stored.isEmpty()
                    && socket.socketId().equals(Attributes.string(stored, SOCKET_ID));
            if (sameSocket) {
                rooms.addAll(ItemMapper.socket(stored).rooms());
            }
            rooms.add(socket.socketId());
            rooms.removeAll(cleared);
            leavePresence(socket, rooms);
            writer.deleteAll(membershipKeys(socket, rooms));
            cleared.addAll(rooms);
            if (!sameSocket || deleteAtVersion(stored, socket.socketId())) {
                return; // gone, replaced by a newer socket that is not ours to delete, or deleted now
            }
            stored = null; // a join (or leave) landed since the read: read again
        }
        LOG.log(System.Logger.Level.WARNING, "event=socket_removal_gave_up socket={0} attempts={1}",
                socket.socketId(), MAX_ATTEMPTS);
    }

    /**
     * Takes the socket out of its presence entries. Where the socket left its namespace through its handlers this
     * was done already, with the app's presence listeners (a 410 during fan-out too), and each conditional update
     * here fails at no harm; only what a removal without the Socket.IO layer finds leaves presence silently here.
     */
    private void leavePresence(SocketRecord socket, Set<String> rooms) {
        for (String room : rooms) {
            PresenceRooms.parse(room).ifPresent(marker -> presence.leave(new PresenceStore.PresenceKey(
                    socket.tenant(), socket.namespace(), marker.room(), marker.memberId()), socket.socketId()));
        }
    }

    /** Deletes the socket item if it is still this socket at the rooms version read; false when it changed. */
    private boolean deleteAtVersion(Map<String, AttributeValue> stored, String socketId) {
        AttributeValue version = stored.get(ROOMS_VERSION);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sid", Attributes.s(socketId));
        String condition = "#sid = :sid AND attribute_not_exists(#rv)";
        if (version != null) {
            values.put(":rv", version);
            condition = "#sid = :sid AND #rv = :rv";
        }
        String finalCondition = condition;
        try {
            client.deleteItem(r -> r.tableName(tableName)
                    .key(DynamoSchema.key(Attributes.string(stored, DynamoSchema.PK), Attributes.string(stored, DynamoSchema.SK)))
                    .conditionExpression(finalCondition)
                    .expressionAttributeNames(Map.of("#sid", SOCKET_ID, "#rv", ROOMS_VERSION))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
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

    /**
     * Sockets go one by one through {@link #removeSocket} (so a join racing the removal is not stranded), then
     * the remaining items in batches.
     */
    void removeConnection(String connectionId) {
        List<Map<String, AttributeValue>> itemKeys = new ArrayList<>();
        List<Map<String, AttributeValue>> countedItems = new ArrayList<>();
        // Consistent: a socket written just before must not escape the cascade. Expired items are removed too.
        var pages = client.queryPaginator(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", DynamoSchema.PK))
                .expressionAttributeValues(Map.of(":pk", Attributes.s(connectionPk(connectionId)))));
        for (Map<String, AttributeValue> item : pages.items()) {
            if (ItemMapper.isSocketItem(item)) {
                removeSocket(ItemMapper.socket(item), item);
            } else if (counted.handles(item)) {
                countedItems.add(item);
            } else {
                itemKeys.add(DynamoSchema.key(Attributes.string(item, DynamoSchema.PK),
                        Attributes.string(item, DynamoSchema.SK)));
            }
        }
        writer.deleteAll(itemKeys);
        countedItems.forEach(counted::remove);
    }
}
