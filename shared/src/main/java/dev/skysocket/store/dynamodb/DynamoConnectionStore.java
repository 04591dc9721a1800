package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.n;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.PK;
import static dev.skysocket.store.dynamodb.DynamoSchema.socketKey;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.store.ConnectionExistsException;
import dev.skysocket.store.ConnectionCounts;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.HeartbeatDue;
import dev.skysocket.store.HeartbeatStore;
import dev.skysocket.store.PendingBinary;
import dev.skysocket.store.ReadScope;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.store.SocketStore;
import java.time.Clock;
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
 * {@link ConnectionStore}, {@link SocketStore} and {@link HeartbeatStore} on the single table (layout in
 * {@code package-info.java}): a connection and its sockets share one partition, so one object serves all three,
 * and its {@link ReadScope} lets reads of that partition share one Query. Heartbeat updates on a
 * connection that is gone are not errors: they return quietly, since the connection's cleanup already ran or
 * TTL will run it. Never Scans; GetItem and Query on the connection's partition read consistently. Each write
 * goes through {@link PartitionReads#writing}, so that no read held in this process outlives it; the reads
 * ({@link ConnectionReads}), the open and heartbeat claims ({@link ConnectionClaims}), pending binary parts
 * ({@link PendingParts}), socket data ({@link SocketDataWriter}) and removal ({@link RemovalCascade}) live apart.
 */
public final class DynamoConnectionStore implements ConnectionStore, SocketStore, HeartbeatStore, ReadScope {
    private final DynamoDbClient client;
    private final String tableName;
    private final LongUnaryOperator socketExpiry;
    private final Clock clock;
    private final RemovalCascade cascade;
    private final HeartbeatQuery heartbeats;
    private final SocketDataWriter dataWriter;
    private final ConnectionReads reads;
    private final ConnectionClaims claims;
    private final PendingParts pending;

    /**
     * @param roomShards   must equal the room store's: removal derives membership keys from it
     * @param socketExpiry a socket's {@code connectedAt} (epoch ms) to its {@code expiresAt} (epoch s); use the
     *                     connection's rule ({@link SkysocketConfig#expiresAtSeconds}) so sockets expire with it
     * @param clock        "now" for the TTL filter on reads
     */
    public DynamoConnectionStore(DynamoDbClient client, String tableName, int roomShards,
                                 LongUnaryOperator socketExpiry, Clock clock) {
        this(client, tableName, roomShards, socketExpiry, clock, null);
    }

    /** @param counts the tenant connection counters a counted connection's removal takes it off, or null */
    public DynamoConnectionStore(DynamoDbClient client, String tableName, int roomShards,
                                 LongUnaryOperator socketExpiry, Clock clock, ConnectionCounts counts) {
        if (roomShards < 1) {
            throw new IllegalArgumentException("roomShards must be at least 1");
        }
        this.client = client;
        this.tableName = tableName;
        this.socketExpiry = socketExpiry;
        this.clock = clock;
        this.cascade = new RemovalCascade(client, tableName, roomShards, new BatchWriter(client, tableName), counts,
                new DynamoPresenceStore(client, tableName, clock));
        this.heartbeats = new HeartbeatQuery(client, tableName);
        LiveUpdates liveUpdates = new LiveUpdates(client, tableName, this::nowSeconds);
        this.dataWriter = new SocketDataWriter(client, tableName, liveUpdates);
        this.reads = new ConnectionReads(client, tableName, this::nowSeconds);
        this.claims = new ConnectionClaims(liveUpdates);
        this.pending = new PendingParts(liveUpdates);
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
        return reads.find(connectionId);
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

    @Override
    public boolean markOpened(String connectionId) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return claims.markOpened(connectionId);
        });
    }

    @Override
    public boolean claimOpen(String connectionId, long now, long leaseUntil) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return claims.claimOpen(connectionId, now, leaseUntil);
        });
    }

    @Override
    public boolean updateTransport(String connectionId, String transport) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return claims.updateTransport(connectionId, transport);
        });
    }

    @Override
    public boolean recordPong(String connectionId, long nextPingDueAt) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return claims.recordPong(connectionId, nextPingDueAt);
        });
    }

    @Override
    public void recordPingSent(String connectionId, long pongDeadline) {
        PartitionReads.writing(tableName, connectionId, () -> {
            claims.recordPingSent(connectionId, pongDeadline);
        });
    }

    @Override
    public boolean claimPing(String connectionId, long now, long pongDeadline) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return claims.claimPing(connectionId, now, pongDeadline);
        });
    }

    @Override
    public boolean extendPongDeadline(String connectionId, long pongDeadline) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return claims.extendPongDeadline(connectionId, pongDeadline);
        });
    }

    /** {@code now} (epoch ms) selects what is due; the TTL filter uses the injected clock, like every read. */
    @Override
    public List<HeartbeatDue> due(long now, int limit) {
        return heartbeats.due(now, limit, nowSeconds());
    }

    @Override
    public List<ConnectionRecord> byUser(String tenant, String user) {
        return reads.byUser(tenant, user);
    }

    @Override
    public boolean replacePending(String connectionId, PendingBinary read, PendingBinary next) {
        return PartitionReads.writing(tableName, connectionId, () -> {
            return pending.replace(connectionId, read, next);
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
        return reads.findSocket(connectionId, namespace);
    }

    @Override
    public List<SocketRecord> sockets(String connectionId) {
        return reads.sockets(connectionId);
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
        Map<String, AttributeValue> stored = reads.storedSocket(socket);
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

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }
}
