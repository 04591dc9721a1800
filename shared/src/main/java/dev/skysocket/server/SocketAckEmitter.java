package dev.skysocket.server;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.api.AckEmitter;
import dev.skysocket.api.AckTimeoutException;
import dev.skysocket.api.Args;
import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import dev.skysocket.store.AckKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** {@code socket.timeout(ms).emitWithAck(...)}: one event with an ack id to one socket, and its answer. */
final class SocketAckEmitter implements AckEmitter {
    private final ServerContext ctx;
    private final StoredSocket socket;
    private final long timeoutMs;

    /** @param timeoutMs the app's timeout, or 0 for none (bounded as {@code Socket.emitWithAck} says) */
    SocketAckEmitter(ServerContext ctx, StoredSocket socket, long timeoutMs) {
        this.ctx = ctx;
        this.socket = socket;
        this.timeoutMs = timeoutMs;
    }

    static long checkedTimeout(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("an ack timeout is positive: " + millis);
        }
        return millis;
    }

    @Override
    public CompletionStage<Args> emitWithAck(String event, Object... args) {
        if (EventNames.isReserved(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
        Metrics.count(Metric.EVENTS_OUT);
        long id = AckIds.next();
        SocketPacket packet = SocketPacket.event(socket.namespace(), id, JsonValues.eventPayload(event, args));
        PacketFrames.of(packet); // an oversized emit fails here, before anything waits
        AckKey key = new AckKey(socket.connection().connectionId(), socket.namespace(), id);
        // The handler's own socket: on a gateway node its session is held here, so its answer comes here too.
        AckWait wait = ctx.acks().await(Map.of(key, socket.id()), Set.of(key), timeoutMs);
        try {
            FanoutReport report = socket.send(packet);
            if (report.delivered() == 0) {
                wait.expire(); // gone or undeliverable: no answer can come
            }
        } catch (RuntimeException e) {
            wait.fail(e);
        }
        return unwrapped(wait.result().thenApply(answers -> answers.get(socket.id())));
    }

    /** The stage fails with the {@link AckTimeoutException} itself, not wrapped in a CompletionException. */
    static <T> CompletionStage<T> unwrapped(CompletableFuture<T> stage) {
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        });
        return result;
    }

    /** For callers that log: the socket ids of a timeout, or the error's text. */
    static String describe(Throwable error) {
        return error instanceof AckTimeoutException timeout ? "silent=" + timeout.silent() : String.valueOf(error);
    }
}
