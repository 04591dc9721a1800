package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.CloseCode;
import dev.skysocket.gateway.management.ConnectionTargets;
import dev.skysocket.gateway.management.PostOutcome;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The emulator's WebSocket connections as {@code @connections} targets. A post to a known connection may first
 * get a scripted {@link ManagementFaults} answer; a connection whose outbound buffer is full answers 429, as AWS
 * does for a client that does not read. Every 410 is counted in {@link EmulatorStats}.
 */
final class EmulatorTargets implements ConnectionTargets {

    private final ConnectionRegistry registry;
    private final EmulatorStats stats;
    private final ManagementFaults faults;

    EmulatorTargets(ConnectionRegistry registry, EmulatorStats stats, ManagementFaults faults) {
        this.registry = registry;
        this.stats = stats;
        this.faults = faults;
    }

    @Override
    public CompletionStage<PostOutcome> post(String connectionId, byte[] data) {
        Optional<EmulatedConnection> connection = find(connectionId);
        if (connection.isEmpty()) {
            return CompletableFuture.completedFuture(PostOutcome.GONE);
        }
        PostOutcome fault = faults.nextPostFault(connectionId);
        if (fault == null && connection.get().outboundBufferFull()) {
            fault = PostOutcome.THROTTLED;
        }
        if (fault != null) {
            return CompletableFuture.completedFuture(fault);
        }
        return connection.get().post(data).transform(written -> {
            if (written.succeeded()) {
                stats.post();
                return Future.succeededFuture(PostOutcome.DELIVERED);
            }
            stats.gone();  // closed while the frame was being written
            return Future.succeededFuture(PostOutcome.GONE);
        }).toCompletionStage();
    }

    @Override
    public Optional<Description> describe(String connectionId) {
        return find(connectionId).map(connection -> new Description(connection.connectedAt(),
                connection.context().sourceIp(), connection.context().userAgent(), connection.lastActiveAt()));
    }

    @Override
    public boolean close(String connectionId) {
        Optional<EmulatedConnection> connection = find(connectionId);
        connection.ifPresent(open -> open.closeWith(CloseCode.NORMAL_CLOSURE));
        return connection.isPresent();
    }

    private Optional<EmulatedConnection> find(String connectionId) {
        Optional<EmulatedConnection> connection = registry.find(connectionId);
        if (connection.isEmpty()) {
            stats.gone();
        }
        return connection;
    }
}
