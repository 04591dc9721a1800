package dev.skysocket.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Connections and their sockets. Every read ignores items whose TTL has passed; every write is idempotent or
 * conditional. Implementations never Scan.
 */
public interface ConnectionStore {

    /** Creates the connection; throws {@link ConnectionExistsException} if it exists. */
    void create(ConnectionRecord connection);

    Optional<ConnectionRecord> find(String connectionId);

    /**
     * Sets the opened flag: the open packet reached the client. True only for the first caller. The open step
     * sets it after its post; {@code $default} on the client's first frame, which proves receipt (a client sends
     * nothing before the open packet).
     */
    boolean markOpened(String connectionId);

    /**
     * Claims the right to post the open packet until {@code leaseUntil} (epoch ms). True only when the connection
     * is stored, not opened, and no other claim is still live at {@code now}: a run of the open step that crashed
     * after claiming leaves a claim that a later run may take over once it has lapsed.
     */
    boolean claimOpen(String connectionId, long now, long leaseUntil);

    /**
     * Records the transport now carrying the connection ("websocket" after an Engine.IO upgrade). False, and
     * nothing written, when the connection is gone or expired.
     */
    boolean updateTransport(String connectionId, String transport);

    /**
     * Records a pong: liveness proven, next ping due at {@code nextPingDueAt}. False when the connection is not
     * stored (or has expired), so a pong needs no read before it.
     */
    boolean recordPong(String connectionId, long nextPingDueAt);

    /** Records a ping sent: the pong must arrive by {@code pongDeadline}. */
    void recordPingSent(String connectionId, long pongDeadline);

    /**
     * Records a ping about to be sent, as {@link #recordPingSent}, but only while the connection waits for no pong
     * and its ping is due at {@code now}. True for one caller only: two overlapping heartbeat runs that both found
     * the connection due never ping it twice.
     */
    boolean claimPing(String connectionId, long now, long pongDeadline);

    /** Connections whose {@code pingDueAt} is at or before {@code now}, at most {@code limit}, via an index. */
    List<HeartbeatDue> due(long now, int limit);

    /** Connections of one user in one tenant, via the user index. */
    List<ConnectionRecord> byUser(String tenant, String user);

    /**
     * Replaces the binary packet parts waiting in the connection with {@code next} (empty: clears them), only if
     * they are still the ones read, at {@code read.version()}: two frames of one connection handled at the same
     * time must not both build on one read. False, and nothing written, when another write came first (read again
     * and retry) or the connection is gone.
     */
    boolean replacePending(String connectionId, PendingBinary read, PendingBinary next);

    /** Creates the socket for one namespace; replaces an existing socket of the same connection and namespace. */
    void putSocket(SocketRecord socket);

    Optional<SocketRecord> findSocket(String connectionId, String namespace);

    List<SocketRecord> sockets(String connectionId);

    /**
     * Applies one handler's change to {@code socket.data}, top-level key by top-level key, without reading it and
     * without touching the other keys: two handlers of the socket running at once (API Gateway may invoke
     * {@code $default} for one connection concurrently) both land when they change different keys, and on the
     * same key the later write wins. Nothing is written when the socket is gone.
     *
     * @param changed keys set or changed, each to its value's JSON text
     * @param removed keys deleted
     */
    void updateSocketData(String connectionId, String namespace, Map<String, String> changed, Set<String> removed);

    /** Deletes one socket and its room memberships (including its own id room). Idempotent. */
    void removeSocket(SocketRecord socket);

    /** Deletes the connection, its sockets and all their memberships. Idempotent. */
    void remove(String connectionId);

    /**
     * Runs {@code work}, during which this thread's reads of the connection and its sockets may share one read of
     * the store, valid until something writes to that connection. For one inbound event: it reads the connection,
     * then the socket its packet names. This default shares nothing.
     */
    default <T> T withOneRead(String connectionId, Supplier<T> work) {
        return work.get();
    }

    /**
     * Like {@link #withOneRead}, but the read may serve this connection's next calls too, until anything in this
     * process writes to the connection or {@link #releaseHeldRead} drops it. Only for a connection whose events
     * this process alone handles, one at a time (a gateway node's own session): other processes never write to
     * it while it is open. This default holds nothing.
     */
    default <T> T withHeldRead(String connectionId, Supplier<T> work) {
        return withOneRead(connectionId, work);
    }

    /** The connection is over: its held read, if any, goes. */
    default void releaseHeldRead(String connectionId) {
    }
}
