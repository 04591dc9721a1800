package dev.skysocket.apigw;

import dev.skysocket.config.SkysocketConfig;

/**
 * When the sweep must next act on a connection. A socket.io-client only resets its liveness timer on a server
 * ping and waits pingInterval + pingTimeout; the sweep passes every sweepPassPeriod (several passes per scheduled
 * invocation, see {@link SweepPasses}), so a ping is due one pass period early and goes out at most pingInterval
 * after the last pong (or after the open packet).
 */
final class Heartbeat {
    private Heartbeat() {
    }

    static long firstPingDue(SkysocketConfig config, long openedAt) {
        return openedAt + config.pingIntervalMs() - config.sweepPassPeriodMs();
    }

    static long nextPingDue(SkysocketConfig config, long pongAt) {
        return pongAt + config.pingIntervalMs() - config.sweepPassPeriodMs();
    }

    static long pongDeadline(SkysocketConfig config, long pingSentAt) {
        return pingSentAt + config.pingTimeoutMs();
    }

    /** Rotate now if the connection would pass its maximum age before the next ping round. */
    static boolean mustRotate(SkysocketConfig config, long connectedAt, long now) {
        return connectedAt + config.maxConnectionAgeMs() <= now + config.pingIntervalMs();
    }
}
