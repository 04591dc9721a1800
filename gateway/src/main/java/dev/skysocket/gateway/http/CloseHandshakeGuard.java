package dev.skysocket.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Two gaps Vert.x leaves in a websocket's closing handshake, closed at the Netty level of each connection:
 * <ul>
 *   <li>On a corrupt frame Vert.x calls the socket's exception handler, which sends our close frame, and then
 *       closes the channel at once. When that frame followed another one in the same read, Vert.x holds writes
 *       until the read completes, so the close frame was dropped and the client saw 1006 instead of 1002. A
 *       flush before every close lets it out.</li>
 *   <li>Netty accepts any close status from 3000 up; RFC 6455 §7.4.2 defines none from 5000, so such a close is
 *       reported as a corrupt frame (1002) instead of being echoed.</li>
 *   <li>Netty checks a close reason's bytes but not that its last UTF-8 sequence is complete, so a reason cut
 *       inside a character was echoed; it is reported as a corrupt frame (1007, RFC 6455 §8.1) instead.</li>
 * </ul>
 * Sits just before Vert.x's connection handler, where it sees websocket frames once the upgrade replaced the
 * HTTP decoder. Reaching the channel takes Vert.x's connection implementation type; a connection of another type
 * is left as it is.
 */
public final class CloseHandshakeGuard extends ChannelDuplexHandler {
    private static final String NAME = "skysocketCloseHandshakeGuard";
    /** The highest status RFC 6455 §7.4.2 gives a meaning (the private-use range ends at 4999). */
    private static final int MAX_DEFINED_STATUS = 4999;

    // Package-private for the frame fuzz target, which puts it behind a bare decoder.
    CloseHandshakeGuard() {
    }

    /** {@code next}, after installing the guard on the connection (on its event loop, before any request). */
    public static Handler<HttpConnection> installThen(Handler<HttpConnection> next) {
        return connection -> {
            if (connection instanceof ConnectionBase base && base.channel().pipeline().get("handler") != null
                    && base.channel().pipeline().get(NAME) == null) {
                base.channel().pipeline().addBefore("handler", NAME, new CloseHandshakeGuard());
            }
            next.handle(connection);
        };
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        CorruptedWebSocketFrameException refused = msg instanceof CloseWebSocketFrame close ? refusal(close) : null;
        if (refused != null) {
            ReferenceCountUtil.release(msg);
            ctx.fireExceptionCaught(refused);
            return;
        }
        super.channelRead(ctx, msg);
    }

    /** Why a close frame Netty let through must be refused, or null. */
    private static CorruptedWebSocketFrameException refusal(CloseWebSocketFrame close) {
        if (close.statusCode() > MAX_DEFINED_STATUS) {
            return new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR,
                    "close status " + close.statusCode() + " is undefined");
        }
        ByteBuf body = close.content();
        if (body.readableBytes() > 2) {
            byte[] reason = new byte[body.readableBytes() - 2];
            body.getBytes(body.readerIndex() + 2, reason);
            if (StrictUtf8.decode(reason) == null) {
                return new CorruptedWebSocketFrameException(WebSocketCloseStatus.INVALID_PAYLOAD_DATA,
                        "close reason is not UTF-8");
            }
        }
        return null;
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        ctx.flush();
        super.close(ctx, promise);
    }
}
