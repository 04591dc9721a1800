package dev.skysocket.gateway.management;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a {@code @connections} route reaches: the emulator's WebSocket connections or a gateway node's Engine.IO
 * sessions. The HTTP binding's {@code ManagementRoute} turns these answers into AWS's HTTP shapes; plain Java, so a
 * node implements it without any HTTP library.
 */
public interface ConnectionTargets {

    /** GetConnection's fields for one open connection. */
    record Description(Instant connectedAt, String sourceIp, String userAgent, Instant lastActiveAt) {
    }

    /** Sends one message (already within the size limit); completes with the answer to give the caller. */
    CompletionStage<PostOutcome> post(String connectionId, byte[] data);

    /** The open connection's description, or empty when it is unknown or closed (410). */
    Optional<Description> describe(String connectionId);

    /** Closes the open connection; false when there was none (410). */
    boolean close(String connectionId);

    /**
     * Another endpoint changed the connection's rooms in the store only: what this side holds of them is re-read
     * before the stage completes. Nothing is sent to the client. Nothing to do by default (the emulator holds no
     * rooms).
     */
    default CompletionStage<Void> membershipsChanged(String connectionId) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * A room notice: {@code room} of that tenant and namespace now has members reached through {@code endpoint}.
     * A gateway node's cache of the room's other endpoints holds it once this returns. Nothing to do by default.
     */
    default void roomGained(String tenant, String namespace, String room, String endpoint) {
    }
}
