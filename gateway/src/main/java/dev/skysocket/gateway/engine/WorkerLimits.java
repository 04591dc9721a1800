package dev.skysocket.gateway.engine;

import dev.skysocket.config.Settings;

/**
 * How many listener calls run at once and how many sessions may wait for a thread before the node sheds load
 * ({@link EngineWorkers}).
 *
 * @param threads    worker threads ({@code skysocket.gateway-workers}, default 64: as many as the DynamoDB client
 *                   has call slots by default, since nearly every listener call waits on the store)
 * @param queueLimit sessions waiting for a worker at which handshakes are refused with 503
 *                   ({@code skysocket.gateway-worker-queue}, default 1,000)
 */
public record WorkerLimits(int threads, int queueLimit) {
    public static final WorkerLimits DEFAULTS = new WorkerLimits(64, 1_000);

    public WorkerLimits {
        if (threads < 1 || queueLimit < 1) {
            throw new IllegalArgumentException("skysocket.gateway-workers and skysocket.gateway-worker-queue must be "
                    + "positive");
        }
    }

    public static WorkerLimits from(Settings s) {
        return new WorkerLimits(s.intValue("skysocket.gateway-workers", DEFAULTS.threads),
                s.intValue("skysocket.gateway-worker-queue", DEFAULTS.queueLimit));
    }
}
