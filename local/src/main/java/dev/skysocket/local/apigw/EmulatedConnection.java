package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.CloseCode;
import dev.skysocket.gateway.http.MessageAssembly;
import dev.skysocket.gateway.http.StrictUtf8;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One accepted WebSocket connection: turns inbound text messages into {@code $default} invocations, enforces API
 * Gateway's frame rules, and invokes {@code $disconnect} exactly once however it ends. Frame handling runs on the
 * connection's event loop; integrations run on the worker pool, started by the connection's
 * {@link InvocationDispatch}: overlapping and in any order as on AWS (where {@code $disconnect} too may run while
 * earlier {@code $default} calls are still in flight), or one at a time in arrival order with
 * {@link InvocationOrder#SERIAL}. {@code $connect} always completes first: no frame is read before the 101.
 *
 * <p>Once the gateway closes the connection (a Management API {@code DELETE}, a limit, shutdown), messages still
 * waiting for a worker are dropped and counted ({@link EmulatorStats#droppedInvocations}). AWS documents nothing
 * here because it has no such wait: each frame is invoked as it arrives. They wait only because the emulator runs
 * fewer invocations at once than AWS; on AWS most of them (a flood the product cut off, say) would have reached a
 * socket already closed. Messages of a connection the client closed are all still invoked: on AWS they arrived,
 * and were invoked, before the close.
 */
final class EmulatedConnection {

    private static final System.Logger LOG = System.getLogger(EmulatedConnection.class.getName());
    /** Status RFC 6455 reserves for "closed without a status code" and "closed without a close frame". */
    private static final int NO_STATUS = 1005;
    private static final int ABNORMAL = 1006;

    private final ConnectionContext context;
    private final ServerWebSocket socket;
    private final EmulatorSettings settings;
    private final EmulatorStats stats;
    private final IntegrationInvoker invoker;
    private final WebSocketEvents events;
    private final ConnectionRegistry registry;
    private final InvocationDispatch queue;
    private final InvocationBacklog backlog;
    private final long fragmentedMessageMillis;
    private final AtomicReference<CloseCode> closing = new AtomicReference<>();
    private final AtomicBoolean disconnectFired = new AtomicBoolean();
    private final CompletableFuture<Void> disconnected = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile long lastActiveMillis;
    /** The ordered mode's queue, or null when {@code $default} is invoked directly. Set before {@link #attach}. */
    private OrderedDelivery ordered;
    // Confined to the event loop: the text message being assembled from fragments (bounded, as on the gateway, in
    // size, in fragments and in time: the timer), and the client's close frame.
    private final MessageAssembly assembly;
    private Context eventLoop;
    private long fragmentTimer = -1;
    private Integer clientCloseCode;
    private String clientCloseReason;

    EmulatedConnection(ConnectionContext context, ServerWebSocket socket, EmulatorSettings settings,
                       EmulatorStats stats, IntegrationInvoker invoker, WebSocketEvents events,
                       ConnectionRegistry registry, InvocationDispatch queue, InvocationBacklog backlog,
                       Duration fragmentedMessageTimeout) {
        this.context = context;
        this.socket = socket;
        this.settings = settings;
        this.stats = stats;
        this.invoker = invoker;
        this.events = events;
        this.registry = registry;
        this.queue = queue;
        this.backlog = backlog;
        this.fragmentedMessageMillis = Math.max(1, fragmentedMessageTimeout.toMillis());
        this.lastActiveMillis = context.connectedAtMillis();
        this.assembly = new MessageAssembly(settings.maxMessageBytes(), MessageAssembly.MAX_FRAGMENTS);
    }

    /** Installs the socket handlers; call on the socket's event loop right after the handshake completes. */
    void attach() {
        eventLoop = Vertx.currentContext();
        if (eventLoop == null) {
            throw new IllegalStateException("attach() must run on the socket's event loop");
        }
        socket.frameHandler(this::onFrame);
        socket.exceptionHandler(this::onException);
        socket.closeHandler(ignored -> onClosed());
    }

    /** Ordered mode: client frames go to the FIFO queue instead of invoking {@code $default}. */
    void deliverInOrder(OrderedDelivery delivery) {
        this.ordered = delivery;
    }

    String id() {
        return context.connectionId();
    }

    ConnectionContext context() {
        return context;
    }

    Instant connectedAt() {
        return Instant.ofEpochMilli(context.connectedAtMillis());
    }

    Instant lastActiveAt() {
        return Instant.ofEpochMilli(lastActiveMillis);
    }

    /** Completes once {@code $disconnect} has returned (or failed, or timed out). */
    CompletableFuture<Void> disconnected() {
        return disconnected;
    }

    /** True while the client reads slower than we write: the socket's write queue is over its high-water mark. */
    boolean outboundBufferFull() {
        return socket.writeQueueFull();
    }

    /** Sends one Management API post: a text frame when the bytes are UTF-8, binary otherwise. */
    Future<Void> post(byte[] data) {
        if (closed || closing.get() != null) {
            return Future.failedFuture("gone");
        }
        String text = StrictUtf8.decode(data);
        Future<Void> written = text != null
                ? socket.writeTextMessage(text) : socket.writeBinaryMessage(Buffer.buffer(data));
        return written.onSuccess(ignored -> stats.outboundMessage(frameCount(data.length)));
    }

    /** Starts closing with our status; the first status wins and is the one {@code $disconnect} reports. */
    void closeWith(CloseCode status) {
        if (closing.compareAndSet(null, status)) {
            registry.remove(this);
            queue.dropQueued();
            LOG.log(Level.DEBUG, "apigw.close connectionId={0} status={1}", id(), String.valueOf(status.code()));
            socket.close((short) status.code(), status.reason());
        }
    }

    /** Closes with 1001 when idle past the idle timeout or older than the maximum connection duration. */
    void checkLiveness(long nowMillis) {
        if (nowMillis - lastActiveMillis >= settings.idleTimeout().toMillis()
                || nowMillis - context.connectedAtMillis() >= settings.maxConnectionDuration().toMillis()) {
            closeWith(CloseCode.GOING_AWAY);
        }
    }

    private void onFrame(WebSocketFrame frame) {
        switch (frame.type()) {
            case TEXT, BINARY, CONTINUATION -> onDataFrame(frame);
            case CLOSE -> {
                clientCloseCode = (int) frame.closeStatusCode();
                clientCloseReason = frame.closeReason();
            }
            default -> {
                // Ping and pong are answered by the library and are not activity for the idle timeout.
            }
        }
    }

    private void onDataFrame(WebSocketFrame frame) {
        stats.inboundFrame();
        lastActiveMillis = System.currentTimeMillis();
        if (closing.get() != null) {
            return;
        }
        if (frame.isBinary()) {
            // API Gateway does not accept binary frames from clients: 1003, and no $default call.
            closeWith(CloseCode.UNSUPPORTED_DATA);
            return;
        }
        MessageAssembly.Step step = assembly.add(frame.isContinuation(), frame.isText(), frame.isFinal(),
                frame.binaryData().getBytes());
        if (step instanceof MessageAssembly.Pending pending) {
            if (pending.first()) {
                fragmentTimer = eventLoop.owner().setTimer(fragmentedMessageMillis, id -> fragmentsTooSlow());
            }
            return;
        }
        cancelFragmentTimer();
        if (step instanceof MessageAssembly.Refused refused) {
            closeWith(refused.code()); // 1009 over the message limit, 1008 past the fragment bound, 1007 not UTF-8
        } else if (step instanceof MessageAssembly.Complete message) {
            onMessage(message.text(), lastActiveMillis);
        }
    }

    /** A fragmented message left unfinished past the bound: 1008, as the gateway closes it. */
    private void fragmentsTooSlow() {
        fragmentTimer = -1;
        closeWith(assembly.refuse(CloseCode.POLICY_VIOLATION, "fragmented_message_too_slow").code());
    }

    private void cancelFragmentTimer() {
        if (fragmentTimer >= 0) {
            eventLoop.owner().cancelTimer(fragmentTimer);
            fragmentTimer = -1;
        }
    }

    private void onMessage(String body, long receivedAtMillis) {
        stats.inboundMessage();
        if (ordered != null) {
            ordered.send(context, body, receivedAtMillis);  // no route response in this mode
            return;
        }
        boolean admitted = backlog.submit(queue, () -> {
            String requestId = AwsIds.newId();
            String event = events.message(context, body, receivedAtMillis, AwsIds.newId(), requestId);
            return invoker.invoke("$default", event)
                    .thenAccept(outcome -> reply(RouteReplies.of(outcome, id(), requestId)));
        }, stats::droppedInvocation);
        if (!admitted) {
            // Over the backlog, as over API Gateway's throttle: the message is not delivered and the client gets an
            // error frame in the shape of the integration's failures. The connection stays open.
            stats.throttled();
            String requestId = AwsIds.newId();
            LOG.log(Level.DEBUG, "apigw.default.throttled connectionId={0} requestId={1}", id(), requestId);
            reply(RouteReplies.throttled(id(), requestId));
        }
    }

    /** Sends a route response or error message, unless the connection is closing. */
    private void reply(String text) {
        if (text != null && !closed && closing.get() == null) {
            int frames = frameCount(text.getBytes(StandardCharsets.UTF_8).length);
            socket.writeTextMessage(text).onSuccess(ignored -> stats.outboundMessage(frames));
        }
    }

    private void onException(Throwable error) {
        if (error instanceof CorruptedWebSocketFrameException corrupt) {
            // Netty refuses a frame over the limit (or a malformed one) and would drop the TCP connection without a
            // close frame (the client sees 1006); API Gateway sends 1009 for an oversized frame, so close properly.
            closeWith(CloseCode.of(corrupt.closeStatus().code()));
        } else {
            LOG.log(Level.DEBUG, "apigw.socket.error connectionId={0} error={1}", id(), error.toString());
        }
    }

    private void onClosed() {
        closed = true;
        cancelFragmentTimer();
        registry.remove(this);
        stats.connectionClosed();
        CloseCode ours = closing.get();
        int code;
        String reason;
        if (ours != null) {
            code = ours.code();
            reason = ours.reason();
        } else if (clientCloseCode != null || socket.closeStatusCode() != null) {
            // The client closed: API Gateway reports the client's own status and reason.
            int sent = clientCloseCode != null ? clientCloseCode : socket.closeStatusCode();
            String text = clientCloseCode != null ? clientCloseReason : socket.closeReason();
            code = sent > 0 ? sent : NO_STATUS;
            reason = text == null ? "" : text;
        } else {
            code = ABNORMAL;
            reason = "";
        }
        fireDisconnect(code, reason);
    }

    private void fireDisconnect(int code, String reason) {
        if (!disconnectFired.compareAndSet(false, true)) {
            return;
        }
        LOG.log(Level.DEBUG, "apigw.disconnect connectionId={0} status={1}", id(), String.valueOf(code));
        boolean admitted = backlog.submit(queue, () -> {
            String event = events.disconnect(context, code, reason, System.currentTimeMillis(), AwsIds.newId());
            return invoker.invoke("$disconnect", event).whenComplete((outcome, error) -> disconnected.complete(null));
        }, null);
        if (!admitted) {
            // AWS delivers $disconnect on a best-effort basis: dropped here, the record is left to the heartbeat,
            // whose next post to it answers 410 and removes it.
            stats.throttled();
            LOG.log(Level.WARNING, "apigw.disconnect.throttled connectionId={0}", id());
            disconnected.complete(null);
        }
    }

    private int frameCount(int bytes) {
        return Math.max(1, (bytes + settings.maxFrameBytes() - 1) / settings.maxFrameBytes());
    }
}
