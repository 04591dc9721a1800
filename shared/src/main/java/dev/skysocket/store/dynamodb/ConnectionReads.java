package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.s;
import static dev.skysocket.store.dynamodb.DynamoSchema.*;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.SocketRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The connection store's reads. Inside a {@link PartitionReads} scope they answer from one consistent Query on the
 * connection's partition, made on first use; outside one, each is its own consistent GetItem or Query. Items past
 * their TTL are dropped either way, since TTL deletion is lazy.
 */
final class ConnectionReads {
    private final DynamoDbClient client;
    private final String tableName;
    private final LongSupplier nowSeconds;

    ConnectionReads(DynamoDbClient client, String tableName, LongSupplier nowSeconds) {
        this.client = client;
        this.tableName = tableName;
        this.nowSeconds = nowSeconds;
    }

    Optional<ConnectionRecord> find(String connectionId) {
        PartitionReads.Scope scope = loadedScope(connectionId);
        if (scope != null) {
            return live(scope.connection()).map(ItemMapper::connection);
        }
        return getLive(connectionKey(connectionId)).map(ItemMapper::connection);
    }

    Optional<SocketRecord> findSocket(String connectionId, String namespace) {
        PartitionReads.Scope scope = loadedScope(connectionId);
        if (scope != null) {
            return live(scope.socketsByNamespace().get(namespace)).map(ItemMapper::socket);
        }
        return getLive(socketKey(connectionId, namespace)).map(ItemMapper::socket);
    }

    List<SocketRecord> sockets(String connectionId) {
        PartitionReads.Scope scope = loadedScope(connectionId);
        if (scope != null) {
            long now = nowSeconds.getAsLong();
            return scope.socketsByNamespace().values().stream().filter(item -> isLive(item, now))
                    .map(ItemMapper::socket).toList();
        }
        long now = nowSeconds.getAsLong();
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

    /** Eventually consistent: a global secondary index cannot be read consistently. */
    List<ConnectionRecord> byUser(String tenant, String user) {
        long now = nowSeconds.getAsLong();
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

    /**
     * The socket's item as the current scope already read it (empty when the read found none), or null when no
     * loaded scope holds it, so that removal can skip its own read.
     */
    Map<String, AttributeValue> storedSocket(SocketRecord socket) {
        PartitionReads.Scope scope = PartitionReads.scope(tableName, socket.connectionId());
        return scope == null || !scope.loaded() ? null
                : scope.socketsByNamespace().getOrDefault(socket.namespace(), Map.of());
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

    private Optional<Map<String, AttributeValue>> live(Map<String, AttributeValue> item) {
        return item == null || !isLive(item, nowSeconds.getAsLong()) ? Optional.empty() : Optional.of(item);
    }

    private Optional<Map<String, AttributeValue>> getLive(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() || !isLive(item, nowSeconds.getAsLong())
                ? Optional.empty() : Optional.of(item);
    }
}
