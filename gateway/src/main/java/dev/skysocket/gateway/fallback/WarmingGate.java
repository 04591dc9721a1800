package dev.skysocket.gateway.fallback;

import dev.skysocket.gateway.http.HealthProbe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps {@code /health} at 503 ("warming up") until start-up priming has run, so the ALB routes the first clients
 * of a new task to it only once its hot paths are compiled; then answers as {@code next} does. The listeners are
 * up meanwhile (priming's own sessions go through them); only the health check waits.
 */
final class WarmingGate implements HealthProbe {
    static final String WARMING = "warming up";
    private static final CompletionStage<String> NOT_YET = CompletableFuture.completedFuture(WARMING);

    private final HealthProbe next;
    private volatile boolean warm;

    WarmingGate(HealthProbe next, boolean warm) {
        this.next = next;
        this.warm = warm;
    }

    /** Priming is over (or was off): health follows {@code next} from now on. */
    void open() {
        warm = true;
    }

    @Override
    public CompletionStage<String> fault() {
        return warm ? next.fault() : NOT_YET;
    }
}
