package dev.skysocket.apigw;

import dev.skysocket.fanout.Recipient;
import dev.skysocket.server.ServerContext;
import dev.skysocket.store.ConnectionRecord;
import java.lang.System.Logger.Level;

/**
 * The heartbeat in ordered mode. A pong is a client frame like any other, so the queue hands it over only after
 * every frame the client sent before it (one FIFO message group per connection). Behind a backlog longer than the
 * ping timeout, the sweep would end a client that answered in time; and the client, which gets no ping until its
 * pong is consumed, would give up by itself after pingInterval + pingTimeout.
 *
 * <p>So a queued frame that API Gateway received before the awaited ping went out, or soon after (half a ping
 * timeout; or before the deadline last moved), shows that the pong, if the client sent one, is still queued behind it. When the deadline is less than
 * half a ping timeout away, it moves to a whole ping timeout from now, and the client gets another ping, which
 * restarts its own timer (that ping's pong queues too; the first pong consumed ends the wait). A conditional write
 * and a ping per half ping timeout of backlog, and none without a backlog. A client that stopped answering is still
 * timed out, a ping timeout after the frames it sent before the ping have been handled.
 */
final class PongBehindQueue {
    private static final System.Logger LOG = System.getLogger(PongBehindQueue.class.getName());
    private final ServerContext ctx;

    PongBehindQueue(ServerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param connection the connection as read for this frame
     * @param receivedAt when API Gateway received the frame ({@code requestTimeEpoch})
     * @return true when the deadline moved and the client was pinged again
     */
    boolean onQueuedFrame(ConnectionRecord connection, long receivedAt) {
        if (!connection.awaitingPong()) {
            return false;
        }
        long timeout = ctx.config().pingTimeoutMs();
        long deadline = connection.pingDueAt();
        long now = ctx.now();
        // A frame received well after the ping went out says nothing about where the pong is: a client pongs at
        // once. "Well after": the ping takes a trip to the client and then waits behind whatever the client is busy
        // sending (a burst of emits made in one tick goes out before the client reads the ping), so frames received
        // up to half a ping timeout after the ping may still be ahead of its pong.
        if (receivedAt >= deadline - timeout / 2 || deadline - now >= timeout / 2) {
            return false;
        }
        String connectionId = connection.connectionId();
        if (!ctx.heartbeats().extendPongDeadline(connectionId, now + timeout)) {
            return false;  // the pong landed meanwhile, or the connection is gone
        }
        boolean pinged = ctx.control().post(new Recipient(connectionId, connection.endpoint()), HeartbeatSweep.PING);
        LOG.log(Level.DEBUG, "event=pong_behind_queue connection={0} queued_ms={1} pinged={2}", connectionId,
                String.valueOf(now - receivedAt), String.valueOf(pinged));
        return true;
    }
}
