package dev.skysocket.fanout;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * One request and its answer on a pooled connection, all on the connection's event loop. The connection goes back
 * to its pool exactly once: after a complete answer (kept open when the answer allows keep-alive), or closed after
 * a failure, a timeout or an early close. Answers become what the SDK's client would have thrown
 * ({@link PostAnswer#failure}); a failure on the wire is an {@link SdkClientException}, a hung attempt an
 * {@link ApiCallAttemptTimeoutException}, so {@link CallFailure} reads them alike whichever client posted.
 */
final class PostExchange {
    /** An error body is a short JSON message; never keep more than this of it. */
    private static final int MAX_ERROR_BODY = 1024;

    private final CompletableFuture<Integer> result;
    private final Channel channel;
    private final Handler handler;
    private final ChannelPool pool;
    private final Duration attemptTimeout;
    private ScheduledFuture<?> timeout;
    private HttpResponse response;
    private ByteArrayOutputStream errorBody;
    private boolean over;

    private PostExchange(Channel channel, Handler handler, ChannelPool pool, Duration attemptTimeout,
                         CompletableFuture<Integer> result) {
        this.result = result;
        this.channel = channel;
        this.handler = handler;
        this.pool = pool;
        this.attemptTimeout = attemptTimeout;
    }

    /** Sends {@code request} on {@code channel}, which was just acquired from {@code pool}. */
    static void start(Channel channel, ChannelPool pool, FullHttpRequest request, Duration attemptTimeout,
                      CompletableFuture<Integer> result) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> start(channel, pool, request, attemptTimeout, result));
            return;
        }
        Handler handler = channel.pipeline().get(Handler.class);
        PostExchange exchange = new PostExchange(channel, handler, pool, attemptTimeout, result);
        if (handler == null || handler.current != null) {
            ReferenceCountUtil.release(request);
            exchange.fail(SdkClientException.create("a pooled connection was not ready for a request"), true);
            return;
        }
        handler.current = exchange;
        exchange.timeout = channel.eventLoop().schedule(exchange::timedOut, attemptTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                exchange.fail(SdkClientException.create("PostToConnection failed on the wire: " + written.cause(),
                        written.cause()), true);
            }
        });
    }

    private void timedOut() {
        fail(ApiCallAttemptTimeoutException.create(attemptTimeout.toMillis()), true);
    }

    private void read(Object message) {
        if (message instanceof HttpObject part && part.decoderResult().isFailure()) {
            // Not HTTP, or headers past Netty's limits: nothing on this connection can be trusted any more.
            fail(SdkClientException.create("PostToConnection got an answer that is not HTTP: "
                    + part.decoderResult().cause(), part.decoderResult().cause()), true);
            return;
        }
        if (message instanceof HttpResponse head) {
            response = head;
        }
        if (message instanceof HttpContent content && response != null && response.status().code() >= 300) {
            ByteBuf bytes = content.content();
            if (errorBody == null) {
                errorBody = new ByteArrayOutputStream();
            }
            int take = Math.min(bytes.readableBytes(), MAX_ERROR_BODY - errorBody.size());
            if (take > 0) {
                byte[] chunk = new byte[take];
                bytes.getBytes(bytes.readerIndex(), chunk);
                errorBody.write(chunk, 0, take);
            }
        }
        if (message instanceof LastHttpContent && response != null) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                response = null;  // an interim answer (we never ask for 100-continue); the real one follows
            } else {
                answered();
            }
        }
    }

    private void answered() {
        int status = response.status().code();
        boolean keepAlive = HttpUtil.isKeepAlive(response);
        if (status >= 200 && status < 300) {
            finish(keepAlive);
            result.complete(status);
        } else {
            String body = errorBody == null ? null : errorBody.toString(StandardCharsets.UTF_8);
            finish(keepAlive);
            result.completeExceptionally(PostAnswer.failure(sdkResponse(response), body));
        }
    }

    private void fail(Throwable error, boolean close) {
        if (finish(!close)) {
            result.completeExceptionally(error);
        }
    }

    /** Ends the exchange once: the connection goes back to the pool, closed unless {@code keep}. */
    private boolean finish(boolean keep) {
        if (over) {
            return false;
        }
        over = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (handler != null && handler.current == this) {
            handler.current = null;
        }
        if (!keep) {
            channel.close();
        }
        pool.release(channel);
        return true;
    }

    private static SdkHttpResponse sdkResponse(HttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.headers().names()) {
            headers.put(name, response.headers().getAll(name));
        }
        return SdkHttpResponse.builder().statusCode(response.status().code())
                .statusText(response.status().reasonPhrase()).headers(headers).build();
    }

    /** The last handler of a pooled connection: hands what arrives to the exchange under way. */
    static final class Handler extends ChannelInboundHandlerAdapter {
        private PostExchange current;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (current != null) {
                    current.read(message);
                } else {
                    ctx.close();  // an answer nobody asked for: this connection can no longer be trusted
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (current != null) {
                current.fail(SdkClientException.create("the connection closed before PostToConnection was answered"),
                        true);
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (current != null) {
                current.fail(SdkClientException.create("PostToConnection failed on the wire: " + cause, cause), true);
            } else {
                ctx.close();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && current == null) {
                ctx.close();  // idle in the pool: close it before the far end does so under a request
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }
    }
}
