package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skysocket.api.Ack;
import dev.skysocket.api.Args;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.logging.LogContext;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.protocol.socketio.SocketIoDecoder;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.PendingBinary;
import dev.skysocket.store.SocketRecord;
import java.lang.System.Logger.Level;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Turns one inbound Engine.IO message on a connection into calls on the app: CONNECT, DISCONNECT, EVENT.
 * It never sees Engine.IO control packets. Anything malformed throws {@link ProtocolException} before it
 * reaches app code; the caller ends the connection (one choke point, in the transport layer).
 */
public final class PacketRouter {
    /** Tries of one binary part's compare-and-set; each failure means another frame's write came first. */
    static final int MAX_ASSEMBLY_ATTEMPTS = 20;
    private static final System.Logger LOG = System.getLogger(PacketRouter.class.getName());
    private final ServerContext ctx;
    private final SocketIoDecoder decoder;
    private final SocketLifecycle lifecycle;
    private final BinaryAssembly assembly;

    public PacketRouter(ServerContext ctx) {
        this.ctx = ctx;
        this.decoder = ctx.socketDecoder();
        this.lifecycle = new SocketLifecycle(ctx);
        this.assembly = new BinaryAssembly(decoder);
    }

    /** One Engine.IO MESSAGE (text, or binary/base64 attachment) from the client. */
    public void onMessage(ConnectionRecord connection, EnginePacket message) {
        LogContext.tenant(connection.tenant());
        if (message instanceof EnginePacket.Message text) {
            onText(connection, text.text());
        } else if (message instanceof EnginePacket.BinaryMessage binary) {
            onAttachment(connection, binary.data());
        } else {
            throw new ProtocolException(ProtocolError.UNEXPECTED_PACKET, "not a message: " + message.type());
        }
    }

    /** The transport is gone: every socket of the connection leaves with {@code reason}. Idempotent. */
    public void onConnectionEnd(String connectionId, DisconnectReason reason) {
        lifecycle.endConnection(connectionId, reason);
    }

    private void onText(ConnectionRecord connection, String text) {
        SocketPacket packet = decoder.decode(text);
        if (packet.attachments() > 0) {
            assemble(connection, read -> assembly.withHeader(read, text));
            return;
        }
        dispatch(connection, packet);
    }

    private void onAttachment(ConnectionRecord connection, byte[] data) {
        String base64 = Base64.getEncoder().encodeToString(data);
        assemble(connection, read -> assembly.withAttachment(read, base64));
    }

    /**
     * Adds one part to the connection's waiting binary parts with a compare-and-set, reading again when another
     * frame's invocation wrote first, and dispatches what it completed once its write has landed (so no two
     * invocations dispatch the same packet).
     */
    private void assemble(ConnectionRecord connection, Function<PendingBinary, BinaryAssembly.Step> add) {
        ConnectionRecord current = connection;
        for (int attempt = 1; attempt <= MAX_ASSEMBLY_ATTEMPTS; attempt++) {
            PendingBinary read = current.pending() == null ? PendingBinary.NONE : current.pending();
            BinaryAssembly.Step step = add.apply(read);
            if (ctx.connections().replacePending(connection.connectionId(), read, step.waiting())) {
                for (BinaryAssembly.Complete complete : step.complete()) {
                    List<byte[]> attachments = complete.attachments().stream().map(Base64.getDecoder()::decode).toList();
                    dispatch(connection, decoder.reconstruct(decoder.decode(complete.header()), attachments));
                }
                return;
            }
            Optional<ConnectionRecord> again = ctx.connections().find(connection.connectionId());
            if (again.isEmpty()) {
                return; // the connection ended meanwhile
            }
            current = again.get();
            Backoff.pause(attempt);
        }
        LOG.log(Level.WARNING, "event=binary_assembly_contended connection={0}", connection.connectionId());
        throw new ProtocolException(ProtocolError.UNEXPECTED_PACKET, "binary parts kept colliding");
    }

    private void dispatch(ConnectionRecord connection, SocketPacket packet) {
        switch (packet.type()) {
            case CONNECT -> lifecycle.connect(connection, packet.namespace(), packet.data());
            // A DISCONNECT for a namespace the client never joined is a state no client reaches: the reference
            // server closes the connection for it, and so does the choke point above us.
            case DISCONNECT -> lifecycle.leaveNamespace(requireSocket(connection, packet),
                    DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            case EVENT, BINARY_EVENT -> onEvent(connection, packet);
            // A client's answer to a server emitWithAck; one nobody waits for is ignored, as in Socket.IO.
            case ACK, BINARY_ACK -> onAck(connection, packet);
            case CONNECT_ERROR -> throw new ProtocolException(ProtocolError.UNKNOWN_PACKET_TYPE, "clients never send 4");
        }
    }

    private void onEvent(ConnectionRecord connection, SocketPacket packet) {
        Metrics.count(Metric.EVENTS_IN);
        StoredSocket socket = requireSocket(connection, packet);
        ArrayNode payload = (ArrayNode) packet.data();
        String event = payload.get(0).asText();
        Optional<DeclaredNamespace> namespace = ctx.io().declared(packet.namespace());
        if (namespace.isEmpty()) {
            return; // Socket.IO drops events nobody listens to
        }
        Ack ack = packet.ackId() == null ? NO_ACK : new PacketAck(socket, packet.ackId());
        new EventDispatch(lifecycle).run(namespace.get(), socket, event, Args.of(payload, 1), ack);
        socket.saveDataIfChanged();
    }

    private void onAck(ConnectionRecord connection, SocketPacket packet) {
        requireSocket(connection, packet);
        ctx.acks().answer(connection.connectionId(), packet.namespace(), packet.ackId(),
                Args.of((ArrayNode) packet.data(), 0));
    }

    private StoredSocket requireSocket(ConnectionRecord connection, SocketPacket packet) {
        return socketOf(connection, packet).orElseThrow(() -> new ProtocolException(ProtocolError.UNEXPECTED_PACKET,
                "packet for a namespace the client has not joined"));
    }

    private Optional<StoredSocket> socketOf(ConnectionRecord connection, SocketPacket packet) {
        Optional<SocketRecord> record = ctx.sockets().findSocket(connection.connectionId(), packet.namespace());
        record.ifPresent(r -> LogContext.socketId(r.socketId()));
        return record.map(r -> lifecycle.load(connection, r));
    }

    private static final Ack NO_ACK = new Ack() {
        @Override
        public boolean requested() {
            return false;
        }

        @Override
        public void send(Object... args) {
            // no callback to answer
        }
    };

    /** Answers one client callback, once. */
    private static final class PacketAck implements Ack {
        private final StoredSocket socket;
        private final long id;
        private final AtomicBoolean sent = new AtomicBoolean();

        PacketAck(StoredSocket socket, long id) {
            this.socket = socket;
            this.id = id;
        }

        @Override
        public boolean requested() {
            return true;
        }

        @Override
        public void send(Object... args) {
            if (sent.compareAndSet(false, true)) {
                JsonNode payload = JsonValues.array(args);
                socket.send(new SocketPacket(SocketPacketType.ACK, socket.namespace(), id, payload, 0));
            }
        }
    }
}
