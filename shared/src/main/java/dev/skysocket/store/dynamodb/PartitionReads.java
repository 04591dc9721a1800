package dev.skysocket.store.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One read of a connection's partition for the length of one inbound event, on one thread. A {@code $default}
 * event used to read the connection item and then the socket item with two GetItems (one read unit each); one
 * consistent Query on the partition returns both, and costs one read unit while the connection's items together
 * stay under 4 KB. The read serves later reads of the same connection on this thread until anything writes to
 * the connection's partition through either store; then they read DynamoDB again.
 */
final class PartitionReads {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    /**
     * The open scope of this thread: which partition, and what one read of it found, expired items included (readers
     * filter them; removal deletes them too).
     */
    static final class Scope {
        private final String table;
        private final String connectionId;
        private final Scope outer;
        private boolean loaded;
        private boolean stale;
        private Map<String, AttributeValue> connection;
        private final Map<String, Map<String, AttributeValue>> socketsByNamespace = new LinkedHashMap<>();

        private Scope(String table, String connectionId, Scope outer) {
            this.table = table;
            this.connectionId = connectionId;
            this.outer = outer;
        }

        boolean loaded() {
            return loaded && !stale;
        }

        /** The connection item, or null when the partition held none. */
        Map<String, AttributeValue> connection() {
            return connection;
        }

        Map<String, Map<String, AttributeValue>> socketsByNamespace() {
            return socketsByNamespace;
        }

        void load(Map<String, AttributeValue> connectionItem, Iterable<Map<String, AttributeValue>> socketItems) {
            connection = connectionItem;
            socketsByNamespace.clear();
            for (Map<String, AttributeValue> socket : socketItems) {
                socketsByNamespace.put(socket.get(DynamoSchema.NAMESPACE).s(), socket);
            }
            loaded = true;
            stale = false;
        }
    }

    private PartitionReads() {
    }

    static <T> T within(String table, String connectionId, Supplier<T> work) {
        Scope outer = CURRENT.get();
        CURRENT.set(new Scope(table, connectionId, outer));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** This thread's scope for this connection, or null. */
    static Scope scope(String table, String connectionId) {
        for (Scope scope = CURRENT.get(); scope != null; scope = scope.outer) {
            if (scope.table.equals(table) && scope.connectionId.equals(connectionId)) {
                return scope;
            }
        }
        return null;
    }

    /** A write to the connection's partition: what was read of it no longer holds. */
    static void written(String table, String connectionId) {
        for (Scope scope = CURRENT.get(); scope != null; scope = scope.outer) {
            if (scope.table.equals(table) && Objects.equals(scope.connectionId, connectionId)) {
                scope.stale = true;
            }
        }
    }
}
