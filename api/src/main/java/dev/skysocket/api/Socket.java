package dev.skysocket.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One client in one namespace, as a handler sees it during one call. Its state (rooms, {@link #data()}) lives
 * in the platform's store, so it is the same socket in every invocation and on every instance: on the API
 * Gateway path two events of one client may be handled by two Lambda instances.
 */
public interface Socket {

    /** The socket id (Socket.IO's {@code socket.id}); it starts with a prefix naming the endpoint it is on. */
    String id();

    /** The namespace this socket joined, e.g. {@code "/"}. */
    String namespace();

    /** The tenant of the connection, from its identity; every room and emit is scoped to it. */
    String tenant();

    /** The authenticated user, or null for an anonymous connection. */
    String user();

    /** What the client presented when it connected. */
    Handshake handshake();

    /**
     * Free-form data kept with the socket between invocations ({@code socket.data}); saved when a handler ends.
     * What is saved is the handler's change, top-level key by top-level key: the keys it set, changed or removed.
     * On the API Gateway path two events of one client may be handled at the same time; when their handlers change
     * different keys, both changes are kept; when they change the same key, the handler that saves last wins (a
     * read-modify-write such as a counter under one key can lose an increment). Keep values that change together
     * under one key.
     */
    ObjectNode data();

    /** The rooms this socket is in, its own id room included, as in Socket.IO. */
    Set<String> rooms();

    /** False before middleware admitted the socket and after it left the namespace. */
    boolean connected();

    /** Joins rooms; in middleware the join takes effect once the socket is admitted. */
    void join(String... rooms);

    /** Leaves a room; leaving a room it is not in does nothing. */
    void leave(String room);

    /**
     * Emits an event to this socket only.
     *
     * @throws IllegalArgumentException for a name Socket.IO reserves ({@code connect}, {@code disconnect}, ...)
     */
    EmitReport emit(String event, Object... args);

    /** Every socket in these rooms except this one. */
    BroadcastOperator to(String... rooms);

    /** The same as {@link #to}. */
    BroadcastOperator in(String... rooms);

    /** Every socket of the namespace except this one and the members of these rooms. */
    BroadcastOperator except(String... rooms);

    /** Every socket of the namespace except this one. */
    BroadcastOperator broadcast();

    /**
     * Emits to this socket only if it can take the event now (Socket.IO's {@code socket.volatile.emit};
     * {@code volatile} is a Java keyword): a delivery that fails is dropped, never retried or queued. On the API
     * Gateway path a throttled or failed post is not retried; on the fallback gateway a polling client with no
     * request waiting does not get it.
     */
    EmitReport emitVolatile(String event, Object... args);

    /**
     * The socket's whole namespace (Socket.IO's {@code socket.nsp}), this socket included: {@code nsp().emit},
     * {@code nsp().to(room).emit}, {@code nsp().except(room).emit}. Works from every handler on both paths.
     */
    BroadcastOperator nsp();

    /**
     * Every namespace of this socket's tenant (Socket.IO's {@code io} as seen from a handler):
     * {@code server().of("/admin").emit(...)}.
     */
    Emitter server();

    /**
     * Removes this socket from its namespace and tells the client ({@code io server disconnect}: the client does
     * not reconnect). With {@code closeTransport}, the whole connection is closed instead, and the client
     * reconnects by itself.
     */
    void disconnect(boolean closeTransport);

    // ---- server-to-client acks ----

    /**
     * This socket with an ack deadline of {@code millis}: {@code socket.timeout(2000).emitWithAck(...)} fails
     * with {@link AckTimeoutException} when the client has not answered in time.
     *
     * <p>What a wait costs on the API Gateway path: the {@code $default} invocation stays alive until the answer
     * (or the timeout), billed as Lambda GB-seconds (1 GB for one second: $0.0000167), and it polls DynamoDB with
     * strongly consistent reads (one read unit per poll, about 4 polls a second once the backoff reaches its cap;
     * docs/benchmarks.md). On the fallback gateway an answer from this node's own session costs nothing.
     *
     * @throws IllegalArgumentException when {@code millis} is not positive
     */
    AckEmitter timeout(long millis);

    /**
     * Emits an event with an ack id and completes with the client's answer. Without a timeout Socket.IO waits
     * forever; here the wait is bounded: on the API Gateway path by the invocation's remaining time (the
     * function's Timeout, 29 s at most, less a margin to send what the handler does next), on the fallback gateway
     * by ten minutes. Past it, the stage fails with {@link AckTimeoutException}.
     *
     * @throws IllegalArgumentException for a name Socket.IO reserves
     */
    CompletionStage<Args> emitWithAck(String event, Object... args);
    /**
     * True when this socket is one that dropped and came back within its namespace's
     * {@link Namespace#connectionStateRecovery maximum disconnection duration}: same id, rooms and data, and the
     * packets it missed were sent to it again ({@code socket.recovered} in Socket.IO).
     */
    default boolean recovered() {
        return false;
    }

    /**
     * Emits an event to this socket only, as {@link #emit}, but never replayed: in a namespace with connection
     * state recovery, {@link #emit} appends the packet's offset to the arguments (the client reads it as its last
     * argument; Socket.IO does the same), and this does not. For replies that must carry exactly their arguments.
     */
    default EmitReport emitWithoutReplay(String event, Object... args) {
        return emit(event, args);
    }

    // ---- presence ----

    /**
     * Joins {@code room} as a presence member: the socket joins the room (as {@link #join}) and its member entry
     * (see {@link PresenceMember}: one per user, whichever sockets they join with) is added to the room's
     * presence. The namespace's {@link Namespace#onPresence} listeners hear {@code joined} when this is the
     * member's first socket in the room, and {@code left} when the member's last socket leaves it: by
     * {@link #leave}, by leaving the namespace or disconnecting on either path, or by vanishing without a close.
     * A vanished client is found by the heartbeat: on the fallback gateway within ping interval + ping timeout of
     * its last pong, on the API Gateway path within ping interval + ping timeout + one sweep pass period (the
     * sweep acts on a missed pong at its first pass past the deadline).
     *
     * @throws IllegalArgumentException for a room name {@link #join} refuses
     */
    void joinPresence(String room);

    /** The presence members of {@code room} in this socket's namespace, sorted by id; read when called. */
    java.util.List<PresenceMember> presence(String room);
}
