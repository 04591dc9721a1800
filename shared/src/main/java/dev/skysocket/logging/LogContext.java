package dev.skysocket.logging;

import java.util.function.BiConsumer;

/**
 * What a log line is about: the request, connection, socket and tenant the current thread is working for. Opened
 * around each Lambda invocation, each route and each gateway session callback ({@link #open}), filled in as the
 * code learns the ids, and written by both line formatters as fields. Thread-bound: one small holder per thread,
 * no map and no copy per record, so a field set costs a thread-local read and a field write.
 */
public final class LogContext {
    /** The field names, the same in JSON ({@code context.<name>}) and in text ({@code name=value}). */
    public static final String REQUEST_ID = "requestId";
    public static final String API_REQUEST_ID = "apiRequestId";
    public static final String CONNECTION_ID = "connectionId";
    public static final String SOCKET_ID = "socketId";
    public static final String TENANT = "tenant";

    private static final ThreadLocal<Fields> CURRENT = ThreadLocal.withInitial(Fields::new);

    private LogContext() {
    }

    /**
     * Starts a context with {@code requestId} (null keeps the enclosing request's ids, as a route inside a Lambda
     * invocation does); the connection, socket and tenant start empty. Closing the scope puts back what the thread had before.
     */
    public static Scope open(String requestId) {
        Fields fields = CURRENT.get();
        Scope scope = new Scope(fields, fields.copy());
        fields.connectionId = null;
        fields.socketId = null;
        fields.tenant = null;
        if (requestId != null) {
            fields.requestId = requestId;
            fields.apiRequestId = null;
        }
        return scope;
    }

    public static void apiRequestId(String id) {
        CURRENT.get().apiRequestId = id;
    }

    public static void connectionId(String id) {
        CURRENT.get().connectionId = id;
    }

    public static void socketId(String id) {
        CURRENT.get().socketId = id;
    }

    public static void tenant(String tenant) {
        CURRENT.get().tenant = tenant;
    }

    /** Hands each field that is set to {@code sink} (name, value), in a fixed order. */
    public static void forEach(BiConsumer<String, String> sink) {
        CURRENT.get().forEach(sink);
    }

    /** True when no field is set on this thread. */
    public static boolean isEmpty() {
        return CURRENT.get().isEmpty();
    }

    /** Restores the thread's previous fields; use in try-with-resources. */
    public static final class Scope implements AutoCloseable {
        private final Fields fields;
        private final Fields previous;

        private Scope(Fields fields, Fields previous) {
            this.fields = fields;
            this.previous = previous;
        }

        @Override
        public void close() {
            fields.set(previous);
        }
    }

    private static final class Fields {
        String requestId;
        String apiRequestId;
        String connectionId;
        String socketId;
        String tenant;

        Fields copy() {
            Fields copy = new Fields();
            copy.set(this);
            return copy;
        }

        void set(Fields other) {
            requestId = other.requestId;
            apiRequestId = other.apiRequestId;
            connectionId = other.connectionId;
            socketId = other.socketId;
            tenant = other.tenant;
        }

        boolean isEmpty() {
            return requestId == null && apiRequestId == null && connectionId == null && socketId == null
                    && tenant == null;
        }

        void forEach(BiConsumer<String, String> sink) {
            put(sink, REQUEST_ID, requestId);
            put(sink, API_REQUEST_ID, apiRequestId);
            put(sink, CONNECTION_ID, connectionId);
            put(sink, SOCKET_ID, socketId);
            put(sink, TENANT, tenant);
        }

        private static void put(BiConsumer<String, String> sink, String name, String value) {
            if (value != null) {
                sink.accept(name, value);
            }
        }
    }
}
