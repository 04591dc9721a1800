package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.bool;
import static dev.skysocket.store.dynamodb.Attributes.n;
import static dev.skysocket.store.dynamodb.Attributes.s;
import static dev.skysocket.store.dynamodb.DynamoSchema.*;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.store.ConnectionExistsException;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.HeartbeatDue;
import dev.skysocket.store.PendingBinary;
import dev.skysocket.store.SocketRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link ConnectionStore} on the single table (layout in {@code package-info.java}). Heartbeat updates on a
 * connection that is gone are not errors: they return quietly, since the connection's cleanup already ran or
 * TTL will run it. Never Scans; GetItem and Query on the connection's partition read consistently.
 */
public final class DynamoConnectionStore implements ConnectionStore {
    private final DynamoDbClient client;
    private final String tableName;
    private final LongUnaryOperator socketExpiry;
    private final Clock clock;
    private final RemovalCascade cascade;
    private final HeartbeatQuery heartbeats;
    private final SocketDataWriter dataWriter;
    private final LiveUpdates liveUpdates;

    /**
     * @param roomShards   must equal the room store's: removal derives membership keys from it
     * @param socketExpiry a socket's {@code connectedAt} (epoch ms) to its {@code expiresAt} (epoch s); use the
     *                     connection's rule ({@link SkysocketConfig#expiresAtSeconds}) so sockets expire with it
     * @param clock        "now" for the TTL filter on reads
     */
    public DynamoConnectionStore(DynamoDbClient client, String tableName, int roomShards,
                                 LongUnaryOperator socketExpiry, Clock clock) {
        if (roomShards < 1) {
            throw new IllegalArgumentException("roomShards must be at least 1");
        }
        this.client = client;
        this.tableName = tableName;
        this.socketExpiry = socketExpiry;
        this.clock = clock;
        this.cascade = new RemovalCascade(client, tableName, roomShards, new BatchWriter(client, tableName));
        this.heartbeats = new HeartbeatQuery(client, tableName);
        this.liveUpdates = new LiveUpdates(client, tableName, this::nowSeconds);
        this.dataWriter = new SocketDataWriter(client, tableName, liveUpdates);
    }

    public DynamoConnectionStore(DynamoDbClient client, SkysocketConfig config, int roomShards) {
        this(client, config.tableName(), roomShards, config::expiresAtSeconds, Clock.systemUTC());
    }

    @Override
    public void create(ConnectionRecord connection) {
        PartitionReads.writing(tableName, connection.connectionId(), () -> {
            try {
                // An item past its TTL counts as absent (reads ignore it), so it may be overwritten.
                client.putItem(r -> r.tableName(tableName)
                        .item(ItemMapper.connectionItem(connection))
                        .conditionExpression("attribute_not_exists(#pk) OR #exp < :now")
                        .expressionAttributeNames(Map.of("#pk", PK, "#exp", EXPIRES_AT))
                        .expressionAttributeValues(Map.of(":now", n(nowSeconds()))));
            } catch (ConditionalCheckFailedException exists) {
                throw new ConnectionExistsException(connection.connectionId());
            }
        });
    }

    @Override
    public Optional<ConnectionRecord> find(String connectionId) {
        PartitionReads.Scope scope = loadedScope(connectionId);
        if (scope != null) {
            return live(scope.connection()).map(ItemMapper::connection);
        }
        return getLive(connectionKey(connectionId)).map(ItemMapper::connection);
    }

    /** Within {@link #withOneRead}, reads of this connection share one consistent Query on its partition. */
    @Override
    public <T> T withOneRead(String connectionId, Supplier<T> work) {
        return PartitionReads.within(tableName, connectionId, work);
    }

    /** The partition's read is kept between calls until a write in this process touches it. */
    @Override
    public <T> T withHeldRead(String connectionId, Supplier<T> work) {
        return PartitionReads.withinHeld(tableName, connectionId, work);
    }

    @Override
    public void releaseHeldRead(String connectionId) {
        PartitionReads.release(tableName, connectionId);
    }

    /** The thread's read of the connection's partition, made now if it is not there yet; null outside a scope. */
    private PartitionReads.Scope loadedScope(String connectionId) {
        PartitionReads.Scope scope = PartitionReads.scope(tableName, connectionId);
        if (scope == null || scope.loaded()) {
            return scope;
        }
        long version = scope.version();
        Map<String, AttributeValue> connection = null;
        List<Map<String, AttributeValue>> sockets = new ArrayList<>();
        var pages = client.queryPaginator(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(connectionPk(connectionId)))));
        for (Map<String, AttributeValue> item : pages.items()) {
            if (CONNECTION_SK.equals(item.get(SK).s())) {
                connection = item;
            } else if (ItemMapper.isSocketItem(item)) {
                sockets.add(item);
            }
        }
        scope.load(connection, sockets, version);
        return scope;
    }

    @Override
    public boolean markOpened(String connectionId) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return updateIfLive(connectionKey(connectionId), "SET #opened = :true", "#opened = :false",
                    Map.of("#opened", OPENED), Map.of(":true", bool(true), ":false", bool(false)));
        });
    }

    @Override
    public boolean claimOpen(String connectionId, long now, long leaseUntil) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return updateIfLive(connectionKey(connectionId), "SET #claim = :until",
                    "#opened = :false AND (attribute_not_exists(#claim) OR #claim < :nowMs)",
                    Map.of("#opened", OPENED, "#claim", OPEN_CLAIM_UNTIL),
                    Map.of(":until", n(leaseUntil), ":false", bool(false), ":nowMs", n(now)));
        });
    }

    @Override
    public boolean updateTransport(String connectionId, String transport) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return updateIfLive(connectionKey(connectionId), "SET #transport = :transport", null,
                    Map.of("#transport", TRANSPORT), Map.of(":transport", s(transport)));
        });
    }

    @Override
    public boolean recordPong(String connectionId, long nextPingDueAt) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return updateIfLive(connectionKey(connectionId), "SET #due = :due, #awaiting = :false", null,
                    Map.of("#due", PING_DUE_AT, "#awaiting", AWAITING_PONG),
                    Map.of(":due", n(nextPingDueAt), ":false", bool(false)));
        });
    }

    @Override
    public void recordPingSent(String connectionId, long pongDeadline) {
        PartitionReads.writing(tableName, connectionId, () -> {
            updateIfLive(connectionKey(connectionId), "SET #due = :due, #awaiting = :true", null,
                    Map.of("#due", PING_DUE_AT, "#awaiting", AWAITING_PONG),
                    Map.of(":due", n(pongDeadline), ":true", bool(true)));
        });
    }

    @Override
    public boolean claimPing(String connectionId, long now, long pongDeadline) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return updateIfLive(connectionKey(connectionId), "SET #due = :due, #awaiting = :true",
                    "#awaiting = :false AND #due <= :nowMs",
                    Map.of("#due", PING_DUE_AT, "#awaiting", AWAITING_PONG),
                    Map.of(":due", n(pongDeadline), ":true", bool(true), ":false", bool(false), ":nowMs", n(now)));
        });
    }

    /** {@code now} (epoch ms) selects what is due; the TTL filter uses the injected clock, like every read. */
    @Override
    public List<HeartbeatDue> due(long now, int limit) {
        return heartbeats.due(now, limit, nowSeconds());
    }

    @Override
    public List<ConnectionRecord> byUser(String tenant, String user) {
        long now = nowSeconds();
        List<ConnectionRecord> found = new ArrayList<>();
        var pages = client.queryPaginator(r -> r.tableName(tableName).indexName(BY_USER)
                .keyConditionExpression("#u = :u")
                .expressionAttributeNames(Map.of("#u", USER_KEY))
                .expressionAttributeValues(Map.of(":u", s(userKey(tenant, user)))));
        for (Map<String, AttributeValue> item : pages.items()) {
            if (isLive(item, now)) {
                found.add(ItemMapper.connection(item));
            }
        }
        return found;
    }

    /** Conditional on the version read, raised by one: a compare-and-set of the pending parts. */
    @Override
    public boolean replacePending(String connectionId, PendingBinary read, PendingBinary next) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":next", n(read.version() + 1));
            String update = "SET #pv = :next";
            if (next.isEmpty()) {
                update += " REMOVE #pending";
            } else {
                update += ", #pending = :pending";
                values.put(":pending", ItemMapper.pendingValue(next));
            }
            String atVersion = "attribute_not_exists(#pv)";
            if (read.version() != 0) {
                atVersion = "#pv = :read";
                values.put(":read", n(read.version()));
            }
            return updateIfLive(connectionKey(connectionId), update, atVersion,
                    Map.of("#pending", PENDING, "#pv", PENDING_VERSION), values);
        });
    }

    @Override
    public void putSocket(SocketRecord socket) {
        PartitionReads.writing(tableName, socket.connectionId(), () -> {
            Map<String, AttributeValue> old = client.putItem(r -> r.tableName(tableName)
                    .item(ItemMapper.socketItem(socket, socketExpiry.applyAsLong(socket.connectedAt())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            if (old != null && !old.isEmpty()) {
                // A replaced socket's memberships would keep receiving broadcasts meant for it.
                cascade.removeStaleMemberships(ItemMapper.socket(old), socket);
            }
        });
    }

    @Override
    public Optional<SocketRecord> findSocket(String connectionId, String namespace) {
        PartitionReads.Scope scope = loadedScope(connectionId);
        if (scope != null) {
            return live(scope.socketsByNamespace().get(namespace)).map(ItemMapper::socket);
        }
        return getLive(socketKey(connectionId, namespace)).map(ItemMapper::socket);
    }

    @Override
    public List<SocketRecord> sockets(String connectionId) {
        PartitionReads.Scope scope = loadedScope(connectionId);
        if (scope != null) {
            long now = nowSeconds();
            return scope.socketsByNamespace().values().stream().filter(item -> isLive(item, now))
                    .map(ItemMapper::socket).toList();
        }
        long now = nowSeconds();
        List<SocketRecord> found = new ArrayList<>();
        var pages = client.queryPaginator(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(connectionPk(connectionId)),
                        ":prefix", s(SOCKET_SK_PREFIX))));
        for (Map<String, AttributeValue> item : pages.items()) {
            if (isLive(item, now)) {
                found.add(ItemMapper.socket(item));
            }
        }
        return found;
    }

    @Override
    public void updateSocketData(String connectionId, String namespace, Map<String, String> changed,
                                 Set<String> removed) {
        if (changed.isEmpty() && removed.isEmpty()) {
            return;
        }
        PartitionReads.writing(tableName, connectionId, () -> {
            dataWriter.update(socketKey(connectionId, namespace), changed, removed);
        });
    }

    @Override
    public void removeSocket(SocketRecord socket) {
        // Within withOneRead, the partition read stands in for the cascade's own read of the socket item.
        PartitionReads.Scope scope = PartitionReads.scope(tableName, socket.connectionId());
        Map<String, AttributeValue> stored = scope == null || !scope.loaded() ? null
                : scope.socketsByNamespace().getOrDefault(socket.namespace(), Map.of());
        PartitionReads.writing(tableName, socket.connectionId(), () -> {
            cascade.removeSocket(socket, stored);
        });
    }

    @Override
    public void remove(String connectionId) {
        PartitionReads.writing(tableName, connectionId, () -> {
            cascade.removeConnection(connectionId);
        });
    }

    private Optional<Map<String, AttributeValue>> live(Map<String, AttributeValue> item) {
        return item == null || !isLive(item, nowSeconds()) ? Optional.empty() : Optional.of(item);
    }

    private Optional<Map<String, AttributeValue>> getLive(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() || !isLive(item, nowSeconds()) ? Optional.empty() : Optional.of(item);
    }

    private boolean updateIfLive(Map<String, AttributeValue> key, String update, String extraCondition,
                                 Map<String, String> names, Map<String, AttributeValue> values) {
        return liveUpdates.update(key, update, extraCondition, names, values);
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }
}
