package dev.skysocket.local.apigw;

import io.vertx.core.Vertx;

/**
 * The periodic check that closes idle and over-age connections with 1001. It ticks at a tenth of the shorter
 * limit (between 10 ms and 1 s), so a close comes at most that late after the limit passes.
 */
final class LivenessSweep {

    private final Vertx vertx;
    private final long timer;

    LivenessSweep(Vertx vertx, EmulatorSettings settings, ConnectionRegistry registry) {
        this.vertx = vertx;
        long interval = Math.max(10, Math.min(1000,
                Math.min(settings.idleTimeout().toMillis(), settings.maxConnectionDuration().toMillis()) / 10));
        this.timer = vertx.setPeriodic(interval, id -> {
            long now = System.currentTimeMillis();
            registry.snapshot().forEach(connection -> connection.checkLiveness(now));
        });
    }

    void stop() {
        vertx.cancelTimer(timer);
    }
}
