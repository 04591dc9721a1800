package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.s;
import static dev.skysocket.store.dynamodb.DynamoSchema.ROOMS;
import static dev.skysocket.store.dynamodb.DynamoSchema.membershipKey;
import static dev.skysocket.store.dynamodb.DynamoSchema.socketKey;

import dev.skysocket.store.Member;
import dev.skysocket.store.PresenceRooms;
import dev.skysocket.store.RoomKey;
import dev.skysocket.store.RoomRegistrations;
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
 * <p>The two writes of a join are not a transaction (that would double their cost). They are ordered so that a
 * removal of the socket running at the same time (another Lambda handling the client's disconnect) never strands
 * a membership: join writes the membership first and then adds the room to the socket's set, on condition that the
 * socket is still there, undoing the membership when it is not; every change to the set raises the socket's
 * {@code roomsVersion}, and removal deletes the socket only at the version whose rooms it cleared (see
 * {@code RemovalCascade}). A process that dies between a join's two writes leaves a membership its socket does
 * not list: it delivers to that connection until it expires with it. Leave deletes the membership first. A join and a leave of the same room racing each
 * other have no order, and may leave the membership and the set disagreeing until the socket is removed: a client
 * that needs them ordered waits for the first one's ack.
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
    private final DynamoPresenceStore presence;
    private final RoomRegistrations directory;

    /**
     * @param roomShards partitions per room, fixed for the table's life (changing it strands memberships);
     *                   must equal the connection store's
     * @param clock      "now" for the TTL filter on reads
     */
    public DynamoRoomStore(DynamoDbClient client, String tableName, int roomShards, Clock clock) {
        this(client, tableName, roomShards, clock, DEFAULT_PAGE_SIZE);
    }

    public DynamoRoomStore(DynamoDbClient client, String tableName, int roomShards, Clock clock, int pageSize) {
        this(client, tableName, roomShards, clock, pageSize, null);
    }

    /**
     * @param directory where each membership's endpoint is registered in the room before the membership is
     *                  written (the room directory), or null when the directory is off
     */
    public DynamoRoomStore(DynamoDbClient client, String tableName, int roomShards, Clock clock, int pageSize,
                           RoomRegistrations directory) {
        if (roomShards < 1 || pageSize < 1) {
            throw new IllegalArgumentException("roomShards and pageSize must be at least 1");
        }
        this.client = client;
        this.tableName = tableName;
        this.roomShards = roomShards;
        this.clock = clock;
        this.pageSize = pageSize;
        this.batches = new BatchWriter(client, tableName);
        this.presence = new DynamoPresenceStore(client, tableName, clock);
        this.directory = directory;
    }

    /** The room directory's registrations of this process, or null when it is off. */
    public RoomRegistrations directory() {
        return directory;
    }

    /**
     * Registers the endpoint in the room's directory entry first, so every gateway node caching the room learns of
     * it before the membership exists. Not registered: the socket's own id room (one per socket; a node always
     * reads a room that may be a socket id it does not hold) and presence markers (bookkeeping nobody broadcasts
     * to).
     */
    private void register(SocketRecord socket, String endpoint, String room) {
        if (directory != null && endpoint != null && !room.equals(socket.socketId())
                && !PresenceRooms.isMarker(room)) {
            directory.beforeJoin(endpoint, new RoomKey(socket.tenant(), socket.namespace(), room));
        }
    }

    @Override
    public DynamoPresenceStore presence() {
        return presence;
    }

    /**
     * Joins, unless the socket item is gone (then it returns quietly: a membership without its socket could not be
     * found again by removal). The own-id room is a membership only; the socket's set never lists it.
     */
    @Override
    public void join(SocketRecord socket, String endpoint, String room, long expiresAt) {
        register(socket, endpoint, room);
        PartitionReads.writing(tableName, socket.connectionId(), () -> {
            client.putItem(r -> r.tableName(tableName)
                    .item(ItemMapper.membershipItem(socket, room, endpoint, expiresAt, roomShards)));
            if (!room.equals(socket.socketId()) && !updateRoomSet(socket, "ADD", room)) {
                deleteMembership(socket, room); // the socket went meanwhile: its removal cannot find this one
            }
        });
    }

    /**
     * One BatchWriteItem of membership items (the socket item was stored listing the rooms), then one update that
     * raises the socket's rooms version, so that a removal racing it cannot miss them.
     */
    @Override
    public void addMemberships(SocketRecord socket, String endpoint, Collection<String> rooms, long expiresAt) {
        for (String room : new LinkedHashSet<>(rooms)) {
            register(socket, endpoint, room);
        }
        PartitionReads.writing(tableName, socket.connectionId(), () -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (String room : new LinkedHashSet<>(rooms)) {
                items.add(ItemMapper.membershipItem(socket, room, endpoint, expiresAt, roomShards));
            }
            batches.putAll(items);
            if (!bumpRoomsVersion(socket)) {
                // Removed while these were written (the client's disconnect, handled at the same time): its
                // removal may have cleared the rooms before these memberships existed, so they go here.
                batches.deleteAll(items.stream().map(item -> DynamoSchema.key(Attributes.string(item, DynamoSchema.PK),
                        Attributes.string(item, DynamoSchema.SK))).toList());
            }
        });
    }

    /**
     * Raises the socket's rooms version after its memberships were written: a removal that read the socket before
     * then fails its conditional delete and reads it again, so it finds these memberships. False when the socket
     * is gone or replaced.
     */
    private boolean bumpRoomsVersion(SocketRecord socket) {
        try {
            client.updateItem(r -> r.tableName(tableName)
                    .key(socketKey(socket.connectionId(), socket.namespace()))
                    .updateExpression("ADD #rv :one")
                    .conditionExpression("attribute_exists(#pk) AND #sid = :sid")
                    .expressionAttributeNames(Map.of("#pk", DynamoSchema.PK, "#sid", DynamoSchema.SOCKET_ID,
                            "#rv", DynamoSchema.ROOMS_VERSION))
                    .expressionAttributeValues(Map.of(":sid", s(socket.socketId()), ":one", Attributes.n(1))));
            return true;
        } catch (ConditionalCheckFailedException socketGone) {
            return false;
        }
    }

    private void deleteMembership(SocketRecord socket, String room) {
        client.deleteItem(r -> r.tableName(tableName)
                .key(membershipKey(socket.tenant(), socket.namespace(), room, socket.socketId(), roomShards)));
    }

    @Override
    public void leave(SocketRecord socket, String room) {
        PartitionReads.writing(tableName, socket.connectionId(), () -> {
            deleteMembership(socket, room);
            if (room.equals(socket.socketId())) {
                return;
            }
            // DELETE of the last element removes the attribute: DynamoDB keeps no empty sets.
            updateRoomSet(socket, "DELETE", room);
        });
    }

    /**
     * ADD or DELETE one room in the socket item's set, raising its rooms version; false when that socket item is
     * gone (or replaced). ADD and DELETE on a set are atomic: concurrent joins of different rooms all land.
     */
    private boolean updateRoomSet(SocketRecord socket, String action, String room) {
        String update = action.equals("ADD") ? "ADD #rooms :room, #rv :one" : "DELETE #rooms :room ADD #rv :one";
        try {
            client.updateItem(r -> r.tableName(tableName)
                    .key(socketKey(socket.connectionId(), socket.namespace()))
                    .updateExpression(update)
                    .conditionExpression("attribute_exists(#pk) AND #sid = :sid")
                    .expressionAttributeNames(Map.of("#rooms", ROOMS, "#pk", DynamoSchema.PK,
                            "#sid", DynamoSchema.SOCKET_ID, "#rv", DynamoSchema.ROOMS_VERSION))
                    .expressionAttributeValues(Map.of(":room", AttributeValue.fromSs(List.of(room)),
                            ":sid", s(socket.socketId()), ":one", Attributes.n(1))));
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
