package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.engineio.EnginePacket;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

/**
 * The upgrade of a polling session to a websocket (Engine.IO v4 §Upgrade), driving the {@link UpgradeProbe}
 * state machine: the probe is answered and the held GET let go, {@code 5} moves the session to the websocket
 * transport, anything out of order or a probe slower than the upgrade timeout drops the websocket and leaves
 * the session polling. Its state is guarded by the session's lock.
 */
final class PollingUpgrade {
    private static final System.Logger LOG = System.getLogger(PollingUpgrade.class.getName());

    private final ServerSession session;
    private final UpgradeProbe probe = new UpgradeProbe();

    PollingUpgrade(ServerSession session) {
        this.session = session;
    }

    /** A websocket for a polling session: the probe phase starts. False when the session cannot upgrade now. */
    boolean begin(WebSocketChannel channel) {
        synchronized (session) {
            if (!session.isOpenOnPolling() || probe.active()) {
                return false;
            }
            EngineServer server = session.server();
            probe.begin(channel, server.scheduler().schedule(() -> timedOut(channel),
                    server.options().upgradeTimeoutMs(), TimeUnit.MILLISECONDS));
            return true;
        }
    }

    boolean isProbing(WebSocketChannel channel) {
        return probe.isProbing(channel);
    }

    /** Between {@code 3probe} and {@code 5}: polls are answered with a noop so the client can pause polling. */
    boolean probed() {
        return probe.probed();
    }

    /** Drops the probe; returns the probing websocket (for the caller to close), or null. */
    WebSocketChannel abort() {
        return probe.abort();
    }

    /** Under the lock: one packet on the probing websocket. */
    void step(WebSocketChannel channel, EnginePacket packet) {
        switch (probe.step(packet)) {
            case PROBED -> {
                channel.sendText("3probe");
                session.polling().release();
            }
            case UPGRADED -> session.upgraded(channel);
            case INVALID -> {
                LOG.log(Level.INFO, "engine.upgrade.invalid sid={0} type={1}", session.sid(), packet.type());
                probe.abort();
                channel.close();
            }
        }
    }

    private void timedOut(WebSocketChannel channel) {
        synchronized (session) {
            if (!probe.isProbing(channel)) {
                return;
            }
            probe.abort();
        }
        LOG.log(Level.INFO, "engine.upgrade.timeout sid={0}", session.sid());
        channel.close();
    }
}
