package dev.skysocket.store;

import java.util.List;
import java.util.Optional;

/**
 * Connections: their lifecycle, the open handshake's claims and the binary parts waiting in them. Their sockets
 * are in {@link SocketStore}, their heartbeat state in {@link HeartbeatStore}. Every read ignores items whose TTL
 * has passed; every write is idempotent or conditional. Implementations never Scan.
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

    /** Connections of one user in one tenant, via the user index. */
    List<ConnectionRecord> byUser(String tenant, String user);

    /**
     * Replaces the binary packet parts waiting in the connection with {@code next} (empty: clears them), only if
     * they are still the ones read, at {@code read.version()}: two frames of one connection handled at the same
     * time must not both build on one read. False, and nothing written, when another write came first (read again
     * and retry) or the connection is gone.
     */
    boolean replacePending(String connectionId, PendingBinary read, PendingBinary next);

    /** Deletes the connection, its sockets and all their memberships. Idempotent. */
    void remove(String connectionId);
}
