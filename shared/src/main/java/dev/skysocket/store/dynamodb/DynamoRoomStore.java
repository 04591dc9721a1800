package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.s;
import static dev.skysocket.store.dynamodb.DynamoSchema.ROOMS;
import static dev.skysocket.store.dynamodb.DynamoSchema.membershipKey;
import static dev.skysocket.store.dynamodb.DynamoSchema.socketKey;

import dev.skysocket.store.Member;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RoomStore} on the single table: one membership item per (room, socket) in the room's partition, and the
 * room name in the socket item's {@code rooms} set so that removal finds the memberships again. A room spreads
 * over {@code roomShards} partitions when one partition's throughput (AWS-FACTS: 3,000 reads/s) is not enough.
 *
 * <p>The two writes of a join are not a transaction (that would double their cost). They are ordered so a crash
 * between them leaves only harmless state: join records the room in the socket first, leave deletes the
 * membership first; a room name without a membership costs one no-op delete at removal.
 */
public final class DynamoRoomStore implements RoomStore {
    /** Items per Query page: bounds memory per broadcast and lets delivery start before the room is read. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final DynamoDbClient client;
    private final String tableName;
    private final int roomShards;
    private final Clock clock;
    private final int pageSize;
    private final BatchWriter batches;

    /**
     * @param roomShards partitions per room, fixed for the table's life (changing it strands memberships);
     *                   must equal the connection store's
     * @param clock      "now" for the TTL filter on reads
     */
    public DynamoRoomStore(DynamoDbClient client, String tableName, int roomShards, Clock clock) {
        this(client, tableName, roomShards, clock, DEFAULT_PAGE_SIZE);
    }

    public DynamoRoomStore(DynamoDbClient client, String tableName, int roomShards, Clock clock, int pageSize) {
        if (roomShards < 1 || pageSize < 1) {
            throw new IllegalArgumentException("roomShards and pageSize must be at least 1");
        }
        this.client = client;
        this.tableName = tableName;
        this.roomShards = roomShards;
        this.clock = clock;
        this.pageSize = pageSize;
        this.batches = new BatchWriter(client, tableName);
    }

    /**
     * Joins, unless the socket item is gone (then it returns quietly: a membership without its socket could not be
     * found again by removal). The own-id room is a membership only; the socket's set never lists it.
     */
    @Override
    public void join(SocketRecord socket, String endpoint, String room, long expiresAt) {
        PartitionReads.writing(tableName, socket.connectionId(), () -> {
            if (!room.equals(socket.socketId()) && !updateRoomSet(socket, "ADD", room)) {
                return;
            }
            client.putItem(r -> r.tableName(tableName)
                    .item(ItemMapper.membershipItem(socket, room, endpoint, expiresAt, roomShards)));
        });
    }

    /** One BatchWriteItem of membership items: no socket update, the socket item was stored listing the rooms. */
    @Override
    public void addMemberships(SocketRecord socket, String endpoint, Collection<String> rooms, long expiresAt) {
        PartitionReads.writing(tableName, socket.connectionId(), () -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (String room : new LinkedHashSet<>(rooms)) {
                items.add(ItemMapper.membershipItem(socket, room, endpoint, expiresAt, roomShards));
            }
            batches.putAll(items);
        });
    }

    @Override
    public void leave(SocketRecord socket, String room) {
        PartitionReads.writing(tableName, socket.connectionId(), () -> {
            client.deleteItem(r -> r.tableName(tableName)
                    .key(membershipKey(socket.tenant(), socket.namespace(), room, socket.socketId(), roomShards)));
            if (room.equals(socket.socketId())) {
                return;
            }
            // DELETE of the last element removes the attribute: DynamoDB keeps no empty sets.
            updateRoomSet(socket, "DELETE", room);
        });
    }

    /** ADD or DELETE one room in the socket item's set; false when that socket item is gone (or replaced). */
    private boolean updateRoomSet(SocketRecord socket, String action, String room) {
        try {
            client.updateItem(r -> r.tableName(tableName)
                    .key(socketKey(socket.connectionId(), socket.namespace()))
                    .updateExpression(action + " #rooms :room")
                    .conditionExpression("attribute_exists(#pk) AND #sid = :sid")
                    .expressionAttributeNames(Map.of("#rooms", ROOMS, "#pk", DynamoSchema.PK,
                            "#sid", DynamoSchema.SOCKET_ID))
                    .expressionAttributeValues(Map.of(":room", AttributeValue.fromSs(List.of(room)),
                            ":sid", s(socket.socketId()))));
            return true;
        } catch (ConditionalCheckFailedException socketGone) {
            return false;
        }
    }

    @Override
    public Iterable<Member> members(String tenant, String namespace, String room) {
        return () -> new MemberIterator(client, tableName, tenant, namespace, room, roomShards, pageSize,
                clock.instant().getEpochSecond(), null);
    }

    /**
     * Two Queries per room partition, on both sides of the endpoint's socket-id prefix: the node's own memberships
     * are neither read nor billed, however many there are. A filter on the endpoint drops any left over from ids
     * without the prefix.
     */
    @Override
    public Iterable<Member> membersElsewhere(String tenant, String namespace, String room, String endpoint) {
        return () -> new MemberIterator(client, tableName, tenant, namespace, room, roomShards, pageSize,
                clock.instant().getEpochSecond(), endpoint);
    }
}
