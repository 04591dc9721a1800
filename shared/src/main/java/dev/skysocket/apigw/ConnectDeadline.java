package dev.skysocket.apigw;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.store.HeartbeatDue;
import dev.skysocket.store.SocketStore;
import java.lang.System.Logger.Level;

/**
 * Socket.IO's {@code connectTimeout} on the API Gateway path, where no process keeps a timer per connection: the
 * heartbeat sweep, which visits every connection once per ping interval anyway, closes one that has joined no
 * namespace once it is older than the timeout. Such a connection is closed at the first visit at or after the
 * timeout, so at most one ping interval (plus one sweep pass) late: with the API Gateway defaults (a 570 s ping
 * interval, kept under API Gateway's 10-minute idle close) a connection without a namespace lives up to about
 * ten minutes, against 45 s on the fallback gateway. Only the visits in a window just past the timeout read the
 * connection's sockets, one query each, so a connection costs at most a query or two more in its life.
 */
final class ConnectDeadline {
    private static final System.Logger LOG = System.getLogger(ConnectDeadline.class.getName());
    private final SkysocketConfig config;
    private final SocketStore sockets;

    ConnectDeadline(SkysocketConfig config, SocketStore sockets) {
        this.config = config;
        this.sockets = sockets;
    }

    /** True when the connection is past its connect timeout and has no socket: the caller closes it. */
    boolean missed(HeartbeatDue connection, long now) {
        long age = now - connection.connectedAt();
        // Wide enough that a visit delayed by a slow pong or a late sweep still falls inside it.
        long window = config.pingIntervalMs() + config.pingTimeoutMs() + config.sweepPeriodMs();
        if (age < config.connectTimeoutMs() || age >= config.connectTimeoutMs() + window) {
            return false;
        }
        boolean none = sockets.sockets(connection.connectionId()).isEmpty();
        if (none) {
            LOG.log(Level.INFO, "event=connect_timeout connection={0} age_ms={1}", connection.connectionId(), String.valueOf(age));
        }
        return none;
    }
}
