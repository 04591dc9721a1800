package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.WebSocketInbound;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.lang.System.Logger.Level;

/**
 * Assembles one websocket's data frames into messages for the engine and is its one choke point for frames RFC
 * 6455 refuses. Netty's decoder refuses a malformed frame (reserved bits or opcodes, an unmasked frame, a long or
 * fragmented control frame, a stray or missing continuation, a bad close code or reason) and a frame over the
 * declared-length limit before reading its payload, but Vert.x leaves the close to us: each becomes the close status
 * the decoder chose (1002, 1007, 1009) instead of a normal 1000. Here a message over {@link WebSocketLimits}
 * closes 1009 before its last fragment is buffered, a text message that is not UTF-8 closes 1007, and a message
 * spread over too many fragments or kept open too long closes 1008 (the bookkeeping is {@link MessageAssembly}'s;
 * the clock is here). Runs on the socket's event loop.
 */
final class InboundFrames {
    private static final System.Logger LOG = System.getLogger(InboundFrames.class.getName());

    private final ServerWebSocket socket;
    private final WebSocketInbound inbound;
    private final WebSocketLimits limits;
    private final Context context;
    // Confined to the event loop.
    private final MessageAssembly assembly;
    private long fragmentTimer = -1;
    private boolean refused;

    private InboundFrames(ServerWebSocket socket, WebSocketInbound inbound, WebSocketLimits limits, Context context) {
        this.socket = socket;
        this.inbound = inbound;
        this.limits = limits;
        this.context = context;
        this.assembly = new MessageAssembly(limits.maxMessageBytes(), limits.maxFragments());
    }

    /** Installs the frame, exception and close handlers; call on the socket's event loop. */
    static void install(ServerWebSocket socket, WebSocketInbound inbound, WebSocketLimits limits, Context context) {
        InboundFrames frames = new InboundFrames(socket, inbound, limits, context);
        socket.frameHandler(frames::onFrame);
        socket.exceptionHandler(frames::onException);
        socket.closeHandler(ignored -> {
            frames.cancelTimer();
            inbound.closed();
        });
    }

    private void onFrame(WebSocketFrame frame) {
        if (refused || !(frame.isText() || frame.isBinary() || frame.isContinuation())) {
            return; // ping, pong and close are answered by Vert.x
        }
        MessageAssembly.Step step = assembly.add(frame.isContinuation(), frame.isText(), frame.isFinal(),
                frame.binaryData().getBytes());
        if (step instanceof MessageAssembly.Pending pending) {
            if (pending.first()) {
                fragmentTimer = context.owner().setTimer(limits.maxFragmentedMessageMs(),
                        id -> refuse(assembly.refuse(CloseCode.POLICY_VIOLATION, "fragmented_message_too_slow")));
            }
            return;
        }
        cancelTimer();
        if (step instanceof MessageAssembly.Refused refusal) {
            refuse(refusal);
        } else if (step instanceof MessageAssembly.Complete message) {
            if (message.text() != null) {
                inbound.text(message.text());
            } else {
                inbound.binary(message.binary());
            }
        }
    }

    private void onException(Throwable error) {
        if (!(error instanceof CorruptedWebSocketFrameException)) {
            LOG.log(Level.DEBUG, "event=websocket_error error={0}", error.getClass().getSimpleName());
        }
        refuse(assembly.refuse(closeFor(error), error instanceof CorruptedWebSocketFrameException
                ? "corrupt_frame" : "socket_error"));
    }

    /** The close status for an error the socket reported: the decoder's choice for a corrupt frame, else 1011. */
    static CloseCode closeFor(Throwable error) {
        if (error instanceof CorruptedWebSocketFrameException corrupt) {
            return corrupt.closeStatus() == null ? CloseCode.PROTOCOL_ERROR
                    : CloseCode.of(corrupt.closeStatus().code());
        }
        return CloseCode.INTERNAL_ERROR;
    }

    /** One log line (never the payload) and one close frame, once. */
    private void refuse(MessageAssembly.Refused refusal) {
        if (refused) {
            return;
        }
        refused = true;
        cancelTimer();
        CloseCode code = refusal.code();
        LOG.log(code == CloseCode.INTERNAL_ERROR ? Level.DEBUG : Level.INFO,
                "event=websocket_refused status={0} reason={1} remote={2}", String.valueOf(code.code()),
                refusal.reason(), String.valueOf(socket.remoteAddress()));
        socket.close((short) code.code(), code.reason());
    }

    private void cancelTimer() {
        if (fragmentTimer >= 0) {
            context.owner().cancelTimer(fragmentTimer);
            fragmentTimer = -1;
        }
    }
}
