package dev.skysocket.apigw;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.protocol.engineio.EngineIoEncoder;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.server.PacketRouter;
import dev.skysocket.server.ServerContext;
import dev.skysocket.store.HeartbeatDue;
import dev.skysocket.store.ReadScope;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scheduled heartbeat for API Gateway connections, which have no process of their own to keep a timer.
 * For each connection that is due: a pong that never came ends it ("ping timeout"); one near its maximum age
 * is rotated by closing the transport (the client reconnects by itself, unlike after a Socket.IO DISCONNECT);
 * every other one gets a ping, which resets the client's liveness timer and, through its pong, API Gateway's
 * 10-minute idle timer. One that joined no namespace within the connect timeout is closed ({@link ConnectDeadline}).
 * Pings go out through one fan-out, encoded once.
 */
public final class HeartbeatSweep {
    private static final System.Logger LOG = System.getLogger(HeartbeatSweep.class.getName());
    /** The Engine.IO ping every heartbeat posts (also {@link PongBehindQueue}'s ping again). */
    static final String PING = EngineIoEncoder.encode(new EnginePacket.Ping(""));
    static final int DEFAULT_PING_RECORD_PARALLELISM = 16;

    private final ServerContext ctx;
    private final ReadScope reads;
    private final PacketRouter router;
    private final int batchSize;
    private final int maxBatches;
    private final PingRecorder pingRecorder;
    private final ConnectDeadline connectDeadline;

    /** Records pings with {@value #DEFAULT_PING_RECORD_PARALLELISM} UpdateItems in flight. */
    public HeartbeatSweep(ServerContext ctx, ReadScope reads, PacketRouter router, int batchSize, int maxBatches) {
        this(ctx, reads, router, batchSize, maxBatches, DEFAULT_PING_RECORD_PARALLELISM);
    }

    /**
     * @param pingRecordParallelism most "ping sent" UpdateItems in flight at once; on-demand tables take bursts,
     *                              and every update hits a different connection's partition
     * @param reads                 the scope of the store the context uses: a timed-out connection is read once
     */
    public HeartbeatSweep(ServerContext ctx, ReadScope reads, PacketRouter router, int batchSize, int maxBatches,
                          int pingRecordParallelism) {
        this.ctx = ctx;
        this.reads = reads;
        this.router = router;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
        this.pingRecorder = new PingRecorder(pingRecordParallelism);
        this.connectDeadline = new ConnectDeadline(ctx.config(), ctx.sockets());
    }

    public SweepReport run() {
        long start = ctx.now();
        int pinged = 0;
        int timedOut = 0;
        int rotated = 0;
        int gone = 0;
        Set<String> seen = new HashSet<>();
        for (int batch = 0; batch < maxBatches; batch++) {
            long now = ctx.now();
            List<HeartbeatDue> due = ctx.heartbeats().due(now, batchSize);
            List<Recipient> toPing = new ArrayList<>();
            for (HeartbeatDue connection : due) {
                if (!seen.add(connection.connectionId())) {
                    continue;  // acted on in this run already; the index may lag behind our own writes
                }
                Recipient recipient = new Recipient(connection.connectionId(), connection.endpoint());
                if (connection.awaitingPong()) {
                    // One read of the connection's partition serves the check and the sockets' farewell.
                    boolean ended = reads.withOneRead(connection.connectionId(), () -> {
                        if (!stillUnanswered(connection.connectionId(), now)) {
                            return false;
                        }
                        end(recipient, DisconnectReason.PING_TIMEOUT);
                        return true;
                    });
                    if (ended) {
                        timedOut++;
                    }
                } else if (Heartbeat.mustRotate(ctx.config(), connection.connectedAt(), now)) {
                    // Claimed like a ping, so an overlapping run does not rotate it (and run its handlers) again.
                    if (ctx.heartbeats().claimPing(connection.connectionId(), now,
                            Heartbeat.pongDeadline(ctx.config(), now))) {
                        end(recipient, DisconnectReason.TRANSPORT_CLOSE);
                        rotated++;
                    }
                } else if (connectDeadline.missed(connection, now)) {
                    end(recipient, DisconnectReason.TRANSPORT_CLOSE); // no socket: no handler runs for it
                } else {
                    toPing.add(recipient);
                }
            }
            // Claimed before the ping goes out: a pong can arrive (and clear the flag) before fan-out returns, and
            // an overlapping run may have found the same connections due.
            long deadline = Heartbeat.pongDeadline(ctx.config(), now);
            List<Recipient> claimed = pingRecorder.claim(ctx.heartbeats(), toPing, now, deadline);
            FanoutReport report = ctx.fanout().deliver(List.of(PING), claimed);
            gone += report.gone();
            pinged += claimed.size() - report.gone();
            if (due.size() < batchSize) {
                break;
            }
        }
        SweepReport result = new SweepReport(pinged, timedOut, rotated, gone, ctx.now() - start);
        Metrics.count(Metric.HEARTBEAT_PINGS, pinged);
        Metrics.count(Metric.HEARTBEAT_TIMEOUTS, timedOut);
        Metrics.count(Metric.HEARTBEAT_ROTATIONS, rotated);
        LOG.log(Level.INFO, "event=heartbeat_sweep pinged={0} timed_out={1} rotated={2} gone={3} ms={4}",
                result.pinged(), result.timedOut(), result.rotated(), result.gone(), result.durationMs());
        return result;
    }

    /** The index may lag, and a pong may have landed since the query: decide on a fresh read of the item. */
    private boolean stillUnanswered(String connectionId, long now) {
        return ctx.connections().find(connectionId)
                .map(c -> c.awaitingPong() && c.pingDueAt() <= now)
                .orElse(false);
    }

    private void end(Recipient recipient, DisconnectReason reason) {
        ctx.control().close(recipient);
        router.onConnectionEnd(recipient.connectionId(), reason);
    }
}
