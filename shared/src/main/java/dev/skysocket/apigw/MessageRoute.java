package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.limits.ConnectionRate;
import dev.skysocket.limits.RateVerdict;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.logging.LogContext;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EngineIoDecoder;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.server.PacketRouter;
import dev.skysocket.server.ServerAcks;
import dev.skysocket.server.ServerContext;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ReadScope;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * {@code $default}: one Engine.IO packet per frame. Pongs prove liveness; messages go to the Socket.IO layer.
 * This is the one choke point for bad input on this path: a {@link ProtocolException} closes the offending
 * connection and nothing else.
 *
 * <p>The per-connection rate limit comes first, before any read: a sample of the messages costs a counter write each
 * ({@link ConnectionRate}, one in 20 at the defaults); one over the limit closes the connection (Management API DELETE)
 * or, once closed for it, is dropped with nothing else done. Pongs are not counted: one per ping interval, and they
 * prove liveness.
 */
public final class MessageRoute {
    private static final System.Logger LOG = System.getLogger(MessageRoute.class.getName());
    private final ServerContext ctx;
    private final ReadScope reads;
    private final PacketRouter router;
    private final EngineIoDecoder decoder;
    private final CallbackEndpoint endpoints;
    private final ConnectionRate rate;
    private final PongBehindQueue pongs;

    /** @param reads the scope of the store the context uses: the connection and its socket are read once */
    public MessageRoute(ServerContext ctx, ReadScope reads, PacketRouter router, CallbackEndpoint endpoints) {
        this(ctx, reads, router, endpoints, ConnectionRate.UNLIMITED);
    }

    /** @param rate counts each inbound message of a connection, before anything else is done for it */
    public MessageRoute(ServerContext ctx, ReadScope reads, PacketRouter router, CallbackEndpoint endpoints,
                        ConnectionRate rate) {
        this.rate = rate;
        this.ctx = ctx;
        this.reads = reads;
        this.router = router;
        this.endpoints = endpoints;
        this.decoder = ctx.engineDecoder();
        this.pongs = new PongBehindQueue(ctx);
    }

    /** The same, with the remaining time unknown: taken as {@link ServerAcks#DEFAULT_INVOCATION_MS}. */
    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event) {
        return handle(event, ServerAcks.DEFAULT_INVOCATION_MS);
    }

    /**
     * @param remainingMillis the invocation's remaining time (Lambda's {@code getRemainingTimeInMillis()}): a
     *                        handler's {@code emitWithAck} keeps the invocation until its answer, within this
     */
    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, long remainingMillis) {
        try (LogContext.Scope scope = RouteLogContext.open(event)) {
            return message(event, remainingMillis, false);
        }
    }

    /**
     * A frame the ordered mode's queue handed over ({@link OrderedMessageRoute}): handled as {@link #handle}, and
     * while a pong is awaited that may be queued behind this frame, the heartbeat waits for it
     * ({@link PongBehindQueue}).
     */
    public APIGatewayV2WebSocketResponse handleQueued(APIGatewayV2WebSocketEvent event, long remainingMillis) {
        try (LogContext.Scope scope = RouteLogContext.open(event)) {
            return message(event, remainingMillis, true);
        }
    }

    private APIGatewayV2WebSocketResponse message(APIGatewayV2WebSocketEvent event, long remainingMillis,
                                                  boolean queued) {
        String connectionId = event.getRequestContext().getConnectionId();
        Decoded decoded = decode(event);
        if (decoded.packet() instanceof EnginePacket.Pong) {
            // The most frequent event (one per connection per ping interval) needs no read: the conditional
            // update itself says whether the connection is stored.
            if (!ctx.heartbeats().recordPong(connectionId, Heartbeat.nextPingDue(ctx.config(), ctx.now()))) {
                unknown(connectionId, event);
            }
            return Responses.ok();
        }
        if (decoded.packet() instanceof EnginePacket.Message || decoded.packet() instanceof EnginePacket.BinaryMessage) {
            RateVerdict verdict = rate.count(connectionId, receivedAt(event));
            if (verdict != RateVerdict.ADMIT) {
                if (verdict == RateVerdict.CLOSE) {
                    rateLimited(connectionId, event);
                }
                return Responses.ok();
            }
        }
        // The connection, then the socket its packet names: one read of the connection's partition for both.
        return reads.withOneRead(connectionId, () -> handle(event, connectionId, decoded, remainingMillis, queued));
    }

    private APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, String connectionId,
                                                 Decoded decoded, long remainingMillis, boolean queued) {
        Optional<ConnectionRecord> found = ctx.connections().find(connectionId);
        if (found.isEmpty()) {
            unknown(connectionId, event);
            return Responses.ok();
        }
        ConnectionRecord connection = found.get();
        if (queued) {
            pongs.onQueuedFrame(connection, receivedAt(event));  // before the handler, which may take a while
        }
        LogContext.tenant(connection.tenant());
        try {
            if (decoded.error() != null) {
                throw decoded.error();
            }
            EnginePacket packet = decoded.packet();
            switch (packet.type()) {
                // PONG was answered above, without this read.
                // Lambda freezes the instance once this returns: waits for acks end within this invocation.
                case MESSAGE -> ctx.acks().withinInvocation(remainingMillis, () -> {
                    router.onMessage(connection, packet);
                    return null;
                });
                case CLOSE -> endTransport(connection, DisconnectReason.TRANSPORT_CLOSE);
                case NOOP -> { }
                // Engine.IO v4 clients never ping, and API Gateway connections never upgrade.
                default -> throw new ProtocolException(ProtocolError.UNEXPECTED_PACKET,
                        "a client does not send " + packet.type() + " on this transport");
            }
        } catch (ProtocolException e) {
            LOG.log(Level.WARNING, "event=protocol_error connection={0} error={1}", connectionId, e.error());
            endTransport(connection, DisconnectReason.PARSE_ERROR);
        } finally {
            if (!connection.opened()) {
                // A client sends nothing before the open packet: its first frame proves receipt, so a retried
                // open step whose own mark never landed cannot post a second one (OpenPacketStep).
                ctx.connections().markOpened(connectionId);
            }
        }
        return Responses.ok();
    }

    /** The frame as a packet, or why it is not one; decoding reads nothing, so it may come before the store. */
    private record Decoded(EnginePacket packet, ProtocolException error) {
    }

    private Decoded decode(APIGatewayV2WebSocketEvent event) {
        try {
            if (event.isIsBase64Encoded()) {
                throw new ProtocolException(ProtocolError.UNEXPECTED_PACKET, "binary frame");
            }
            String body = event.getBody();
            if (body == null) {
                throw new ProtocolException(ProtocolError.EMPTY, "no body");
            }
            return new Decoded(decoder.decode(body), null);
        } catch (ProtocolException e) {
            return new Decoded(null, e);
        }
    }

    /**
     * When API Gateway received the frame ({@code requestTimeEpoch}): the limit judges what the client sent, not how
     * long invocations queued before running. Now, where the event does not say.
     */
    private long receivedAt(APIGatewayV2WebSocketEvent event) {
        long received = event.getRequestContext().getRequestTimeEpoch();
        return received > 0 ? received : ctx.now();
    }

    /** Over the rate limit: one line without the payload, one count, and the connection goes as on a parse error. */
    private void rateLimited(String connectionId, APIGatewayV2WebSocketEvent event) {
        LOG.log(Level.WARNING, "event=rate_limit_close connection={0}", connectionId);
        Metrics.count(Metric.RATE_LIMIT_CLOSES);
        // Handlers first, so they see "forced close" rather than the $disconnect the DELETE brings about.
        reads.withOneRead(connectionId, () -> {
            router.onConnectionEnd(connectionId, DisconnectReason.FORCED_CLOSE);
            return null;
        });
        ctx.control().close(new Recipient(connectionId, endpoints.of(event)));
    }

    /** Expired or never stored: the client would wait forever for answers, so end its transport. */
    private void unknown(String connectionId, APIGatewayV2WebSocketEvent event) {
        LOG.log(Level.INFO, "event=unknown_connection connection={0}", connectionId);
        ctx.control().close(new Recipient(connectionId, endpoints.of(event)));
    }

    private void endTransport(ConnectionRecord connection, DisconnectReason reason) {
        ctx.control().close(new Recipient(connection.connectionId(), connection.endpoint()));
        router.onConnectionEnd(connection.connectionId(), reason);
    }
}
