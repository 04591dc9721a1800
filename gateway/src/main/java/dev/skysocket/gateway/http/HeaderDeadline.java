package dev.skysocket.gateway.http;

import dev.skysocket.config.Settings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers {@code 408 Request Timeout} ({@code Connection: close}) and closes a connection whose request headers
 * take longer than the timeout, so a client dribbling headers a byte
 * at a time (slowloris) holds a connection for seconds, not for the idle timeout (which every byte resets, and
 * which the private listener and the emulator do not set). The clock starts when the connection is accepted and,
 * on a kept-alive connection, at the first byte after a request, also when that byte came in the same read as the
 * request before it ({@link DecoderBacklog}); it stops when Netty has decoded the request line and headers, and for
 * good once the connection is upgraded to a websocket. Vert.x has no such bound, so
 * this works at the Netty level of each connection: one handler before the HTTP decoder sees bytes arrive, one
 * after it sees requests and the 101. The server must have HTTP/2 cleartext off, else Vert.x calls the
 * connection handler only once the first request's headers are in. The 408 (RFC 9110 §15.5.9) is written below
 * the HTTP encoder, and only while no earlier request on the connection awaits its answer, so it can never be
 * read as that answer.
 */
public final class HeaderDeadline {
    public static final String SETTING = "skysocket.http-header-timeout-ms";
    public static final long DEFAULT_MS = 10_000;
    private static final System.Logger LOG = System.getLogger(HeaderDeadline.class.getName());
    private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final long timeoutMs;

    public HeaderDeadline(long timeoutMs) {
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("the header timeout must be positive, got " + timeoutMs);
        }
        this.timeoutMs = timeoutMs;
    }

    /** The configured bound ({@value #SETTING}, default 10 s); a value under 1 ms fails at start. */
    public static long configured(Settings settings) {
        long value = settings.longValue(SETTING, DEFAULT_MS);
        if (value < 1) {
            throw new IllegalArgumentException("setting " + SETTING + " (" + Settings.envName(SETTING)
                    + ") must be positive, got " + value);
        }
        return value;
    }

    /** The server's connection handler: puts the connection on the clock (its event loop, before any read). */
    public Handler<HttpConnection> onConnection() {
        return connection -> {
            if (!(connection instanceof ConnectionBase base) || base.channel().pipeline().get("handler") == null) {
                return; // not Vert.x's HTTP/1 connection: nothing to hook into
            }
            ChannelPipeline pipeline = base.channel().pipeline();
            Clock clock = new Clock(base.channel());
            pipeline.addFirst("skysocketHeaderBytes", clock.new Bytes());
            pipeline.addBefore("handler", "skysocketHeaderMessages", clock.new Messages());
            clock.start();
        };
    }

    /** One connection's clock; confined to its event loop. */
    private final class Clock {
        private final Channel channel;
        private boolean awaitingHead = true;
        private boolean upgraded;
        private ScheduledFuture<?> timer;
        // Requests read whose answer is not fully written yet; the 408 waits for none.
        private int unanswered;
        // The first handler's context: a write there goes straight to the socket, past the HTTP encoder.
        private ChannelHandlerContext wire;

        Clock(Channel channel) {
            this.channel = channel;
        }

        void start() {
            if (awaitingHead && !upgraded && timer == null) {
                timer = channel.eventLoop().schedule(this::expire, timeoutMs, TimeUnit.MILLISECONDS);
            }
        }

        void stop() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void expire() {
            timer = null;
            LOG.log(Level.INFO, "event=http_header_timeout remote={0} timeout_ms={1}",
                    String.valueOf(channel.remoteAddress()), String.valueOf(timeoutMs));
            if (unanswered > 0 || wire == null || !channel.isActive()) {
                channel.close();
                return;
            }
            wire.writeAndFlush(Unpooled.wrappedBuffer(REQUEST_TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
        }

        /** Before the decoder: bytes after a complete request are the next request's head. */
        final class Bytes extends ChannelInboundHandlerAdapter {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                wire = ctx;
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    start();
                }
                ctx.fireChannelRead(msg);
                // The read may have ended one request and begun the next (pipelining): no later read need come to
                // start that head's clock, so start it now if the decoder holds its first bytes.
                if (awaitingHead && DecoderBacklog.of(ctx.pipeline()) > 0) {
                    start();
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        }

        /** After the decoder: a decoded head stops the clock; a 101 stops it for good. */
        final class Messages extends ChannelDuplexHandler {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof HttpRequest) {
                    unanswered++;
                    awaitingHead = false;
                    stop();
                }
                if (msg instanceof LastHttpContent) {
                    awaitingHead = true; // the request is in; the next byte starts the next head's clock
                }
                super.channelRead(ctx, msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
                if (msg instanceof HttpResponse response
                        && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                    upgraded = true;
                    stop();
                }
                boolean interim = msg instanceof HttpResponse response
                        && response.status().code() < HttpResponseStatus.OK.code(); // 100 Continue is no answer
                if (msg instanceof LastHttpContent && !interim && unanswered > 0) {
                    unanswered--; // a full response is a LastHttpContent too
                }
                super.write(ctx, msg, promise);
            }
        }
    }
}
