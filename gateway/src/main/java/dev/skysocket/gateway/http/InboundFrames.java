package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.WebSocketInbound;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
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
 * spread over too many fragments or kept open too long closes 1008. Runs on the socket's event loop.
 */
final class InboundFrames {
    private static final System.Logger LOG = System.getLogger(InboundFrames.class.getName());

    private final ServerWebSocket socket;
    private final WebSocketInbound inbound;
    private final WebSocketLimits limits;
    private final Context context;
    // The message being assembled from fragments; confined to the event loop.
    private Buffer assembling;
    private boolean assemblingText;
    private int fragments;
    private long fragmentTimer = -1;
    private boolean refused;

    private InboundFrames(ServerWebSocket socket, WebSocketInbound inbound, WebSocketLimits limits, Context context) {
        this.socket = socket;
        this.inbound = inbound;
        this.limits = limits;
        this.context = context;
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
        if (frame.isContinuation() == (assembling == null)) {
            // Netty refuses these first; kept so the rule holds whatever the decoder does.
            refuse(CloseCode.PROTOCOL_ERROR, frame.isContinuation() ? "continuation_without_start"
                    : "data_frame_inside_fragmented_message");
            return;
        }
        if (assembling == null) {
            assembling = Buffer.buffer();
            assemblingText = frame.isText();
            fragments = 0;
        }
        Buffer payload = frame.binaryData();
        if ((long) assembling.length() + payload.length() > limits.maxMessageBytes()) {
            refuse(CloseCode.MESSAGE_TOO_BIG, "message_too_big");
            return;
        }
        if (++fragments > limits.maxFragments()) {
            refuse(CloseCode.POLICY_VIOLATION, "too_many_fragments");
            return;
        }
        assembling.appendBuffer(payload);
        if (!frame.isFinal()) {
            if (fragments == 1) {
                fragmentTimer = context.owner().setTimer(limits.maxFragmentedMessageMs(),
                        id -> refuse(CloseCode.POLICY_VIOLATION, "fragmented_message_too_slow"));
            }
            return;
        }
        cancelTimer();
        byte[] bytes = assembling.getBytes();
        assembling = null;
        if (!assemblingText) {
            inbound.binary(bytes);
            return;
        }
        String text = StrictUtf8.decode(bytes);
        if (text == null) {
            refuse(CloseCode.INVALID_PAYLOAD, "text_not_utf8");
        } else {
            inbound.text(text);
        }
    }

    private void onException(Throwable error) {
        if (error instanceof CorruptedWebSocketFrameException corrupt) {
            int code = corrupt.closeStatus() == null ? CloseCode.PROTOCOL_ERROR.code() : corrupt.closeStatus().code();
            refuse(CloseCode.of(code), "corrupt_frame");
        } else {
            LOG.log(Level.DEBUG, "event=websocket_error error={0}", error.getClass().getSimpleName());
            refuse(CloseCode.INTERNAL_ERROR, "socket_error");
        }
    }

    /** One log line (never the payload) and one close frame, once. */
    private void refuse(CloseCode code, String reason) {
        if (refused) {
            return;
        }
        refused = true;
        assembling = null;
        cancelTimer();
        LOG.log(code == CloseCode.INTERNAL_ERROR ? Level.DEBUG : Level.INFO,
                "event=websocket_refused status={0} reason={1} remote={2}", String.valueOf(code.code()), reason,
                String.valueOf(socket.remoteAddress()));
        socket.close((short) code.code(), code.reason());
    }

    private void cancelTimer() {
        if (fragmentTimer >= 0) {
            context.owner().cancelTimer(fragmentTimer);
            fragmentTimer = -1;
        }
    }

}
