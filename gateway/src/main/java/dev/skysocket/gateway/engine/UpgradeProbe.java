package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.engineio.EnginePacket;
import java.util.concurrent.ScheduledFuture;

/**
 * The upgrade state machine of a polling session (Engine.IO v4 §Upgrade): a websocket is probing, the client
 * sends {@code 2probe} (answered {@code 3probe}), then {@code 5} switches the session to it. Anything else, or
 * no {@code 5} within the upgrade timeout, drops the probe and the session carries on polling. Not thread-safe:
 * guarded by the owning session's lock.
 */
final class UpgradeProbe {

    /** What one packet on the probing websocket did. */
    enum Step {
        /** {@code 2probe}: answer {@code 3probe} and let the held GET go with a noop. */
        PROBED,
        /** {@code 5} after the probe: the websocket now carries the session. */
        UPGRADED,
        /** Out of order: the probe is dropped. */
        INVALID
    }

    private WebSocketChannel probing;
    private boolean probed;
    private ScheduledFuture<?> deadline;

    /** Starts probing on {@code channel}; {@code deadline} fires when the upgrade takes too long. */
    void begin(WebSocketChannel channel, ScheduledFuture<?> deadline) {
        this.probing = channel;
        this.probed = false;
        this.deadline = deadline;
    }

    boolean active() {
        return probing != null;
    }

    boolean isProbing(WebSocketChannel channel) {
        return probing != null && probing == channel;
    }

    /** Between {@code 3probe} and {@code 5}: polls are answered with a noop so the client can pause polling. */
    boolean probed() {
        return probed;
    }

    Step step(EnginePacket packet) {
        if (packet instanceof EnginePacket.Ping ping && "probe".equals(ping.data()) && !probed) {
            probed = true;
            return Step.PROBED;
        }
        if (packet instanceof EnginePacket.Upgrade && probed) {
            reset();
            return Step.UPGRADED;
        }
        return Step.INVALID;
    }

    /** Drops the probe; returns the probing websocket (for the caller to close), or null. */
    WebSocketChannel abort() {
        WebSocketChannel channel = probing;
        reset();
        return channel;
    }

    private void reset() {
        Timers.cancel(deadline);
        deadline = null;
        probing = null;
        probed = false;
    }
}
