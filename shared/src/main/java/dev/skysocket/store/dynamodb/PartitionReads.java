package dev.skysocket.store.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One read of a connection's partition for the length of one inbound event, on one thread. A {@code $default}
 * event used to read the connection item and then the socket item with two GetItems (one read unit each); one
 * consistent Query on the partition returns both, and costs one read unit while the connection's items together
 * stay under 4 KB. The read serves later reads of the same connection on this thread until anything writes to
 * the connection's partition through either store; then they read DynamoDB again.
 *
 * <p>A held read outlives the event: a gateway node handles every event of its own sessions, one at a time per
 * session, so what one event read still holds for the next unless something wrote to the partition in between.
 * Every write through either store in this process bumps the held read's version, from any thread; a read made
 * while a write was under way is never trusted, because the version it was made at no longer matches.
 */
final class PartitionReads {
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();
    private static final Map<String, Scope> HELD = new ConcurrentHashMap<>();

    /**
     * The open scope of this thread: which partition, and what one read of it found, expired items included (readers
     * filter them; removal deletes them too).
     */
    static final class Scope {
        private final String table;
        private final String connectionId;
        private final AtomicLong version = new AtomicLong();
        private long loadedAt = -1;
        private Map<String, AttributeValue> connection;
        private final Map<String, Map<String, AttributeValue>> socketsByNamespace = new LinkedHashMap<>(2);

        private Scope(String table, String connectionId) {
            this.table = table;
            this.connectionId = connectionId;
        }

        boolean loaded() {
            return loadedAt == version.get();
        }

        /** Taken before the Query is sent; {@link #load} with it. */
        long version() {
            return version.get();
        }

        /** The connection item, or null when the partition held none. */
        Map<String, AttributeValue> connection() {
            return connection;
        }

        Map<String, Map<String, AttributeValue>> socketsByNamespace() {
            return socketsByNamespace;
        }

        void load(Map<String, AttributeValue> connectionItem, Iterable<Map<String, AttributeValue>> socketItems,
                  long readAtVersion) {
            connection = connectionItem;
            socketsByNamespace.clear();
            for (Map<String, AttributeValue> socket : socketItems) {
                socketsByNamespace.put(socket.get(DynamoSchema.NAMESPACE).s(), socket);
            }
            loadedAt = readAtVersion;
        }

        private void written() {
            version.incrementAndGet();
        }

        /** Drops what no longer holds, so an idle session keeps no copy of its items. */
        private void forgetIfStale() {
            if (!loaded()) {
                connection = null;
                socketsByNamespace.clear();
            }
        }
    }

    /** This thread's open scopes, innermost first. */
    private record Frame(Scope scope, Frame outer) {
    }

    private PartitionReads() {
    }

    static <T> T within(String table, String connectionId, Supplier<T> work) {
        return run(new Scope(table, connectionId), work);
    }

    /**
     * Like {@link #within}, but the read is kept for the connection's next call here until a write in this process
     * touches the partition or {@link #release} drops it. The caller runs one call per connection at a time.
     */
    static <T> T withinHeld(String table, String connectionId, Supplier<T> work) {
        Scope held = HELD.computeIfAbsent(key(table, connectionId), k -> new Scope(table, connectionId));
        try {
            return run(held, work);
        } finally {
            held.forgetIfStale();
        }
    }

    static void release(String table, String connectionId) {
        HELD.remove(key(table, connectionId));
    }

    /** Held reads, for tests. */
    static int heldCount() {
        return HELD.size();
    }

    private static <T> T run(Scope scope, Supplier<T> work) {
        Frame outer = CURRENT.get();
        CURRENT.set(new Frame(scope, outer));
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
        for (Frame frame = CURRENT.get(); frame != null; frame = frame.outer()) {
            if (frame.scope().table.equals(table) && frame.scope().connectionId.equals(connectionId)) {
                return frame.scope();
            }
        }
        return null;
    }

    /**
     * Runs one write to the connection's partition, marking what was read of it as no longer holding before the
     * write and again after it, so a held read made while the write was under way is not trusted either.
     */
    static void writing(String table, String connectionId, Runnable write) {
        writing(table, connectionId, () -> {
            write.run();
            return null;
        });
    }

    static <T> T writing(String table, String connectionId, Supplier<T> write) {
        written(table, connectionId);
        try {
            return write.get();
        } finally {
            written(table, connectionId);
        }
    }

    /** A write to the connection's partition: what was read of it no longer holds. */
    private static void written(String table, String connectionId) {
        for (Frame frame = CURRENT.get(); frame != null; frame = frame.outer()) {
            if (frame.scope().table.equals(table) && Objects.equals(frame.scope().connectionId, connectionId)) {
                frame.scope().written();
            }
        }
        if (!HELD.isEmpty() && connectionId != null) {
            Scope held = HELD.get(key(table, connectionId));
            if (held != null) {
                held.written();
            }
        }
    }

    private static String key(String table, String connectionId) {
        return table + '\u0000' + connectionId;
    }
}
