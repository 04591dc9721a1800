package dev.skysocket.store;

import java.util.List;

/**
 * The heartbeat state of connections: when each is due a ping, whether a pong is awaited, and which are due now.
 * Updates on a connection that is gone write nothing. Implementations never Scan.
 */
public interface HeartbeatStore {

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

    /**
     * Moves the deadline of an awaited pong later, to {@code pongDeadline}, never earlier. True when it moved; false
     * when no pong is awaited, the deadline is already that late, or the connection is gone.
     */
    boolean extendPongDeadline(String connectionId, long pongDeadline);

    /** Connections whose {@code pingDueAt} is at or before {@code now}, at most {@code limit}, via an index. */
    List<HeartbeatDue> due(long now, int limit);
}
