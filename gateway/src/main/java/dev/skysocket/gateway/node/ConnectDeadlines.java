package dev.skysocket.gateway.node;

import dev.skysocket.gateway.engine.EngineSession;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Socket.IO's {@code connectTimeout} for this node's sessions: one that has sent no CONNECT packet within the
 * timeout of its handshake is closed ("forced close"), as the reference server closes a client that joined no
 * namespace in time. Unlike the reference, any CONNECT stops the clock, even one a middleware refuses: knowing the
 * outcome would cost a store read per connection. The timers only look at a set; closing a session never blocks.
 */
final class ConnectDeadlines implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConnectDeadlines.class.getName());

    private final long timeoutMs;
    private final Set<String> awaiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    ConnectDeadlines(long timeoutMs) {
        this.timeoutMs = timeoutMs;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "connect-timeout");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** The session's handshake completed: its clock starts. */
    void opened(EngineSession session) {
        awaiting.add(session.sid());
        timer.schedule(() -> expire(session), timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The session sent a CONNECT packet. */
    void connecting(String sid) {
        awaiting.remove(sid);
    }

    void closed(String sid) {
        awaiting.remove(sid);
    }

    private void expire(EngineSession session) {
        if (awaiting.remove(session.sid()) && session.isOpen()) {
            LOG.log(Level.INFO, "event=connect_timeout sid={0} timeout_ms={1}", session.sid(),
                    String.valueOf(timeoutMs));
            session.close();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
