package dev.skysocket.gateway.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What {@code /health} asks beyond readiness: can this node do its work (reach its store)? Completes with null
 * when it can, else with a short constant reason for the answer's body. Must complete within a bounded time and
 * must not block its caller, an event loop.
 */
@FunctionalInterface
public interface HealthProbe {
    HealthProbe ALWAYS_OK = () -> CompletableFuture.completedFuture(null);

    CompletionStage<String> fault();
}
