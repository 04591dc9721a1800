package dev.skysocket.fanout;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code PostToConnection} as one signed request ({@link PostTarget}) on a pooled keep-alive connection of our
 * own ({@link PostTransport}): the same bytes on the wire as the SDK's client sends, without its per-request
 * pipeline of handlers, publishers and futures, which cost four times the exchange itself (docs/benchmarks.md,
 * fan-out). The frame's bytes are wrapped, never copied, for every recipient.
 */
final class PooledFramePoster implements FramePoster, AutoCloseable {
    private final PostTarget target;
    private final ChannelPool pool;
    private final Duration attemptTimeout;

    PooledFramePoster(PostTarget target, PostTransport transport, Duration attemptTimeout) {
        this.target = target;
        this.pool = transport.pool(target);
        this.attemptTimeout = attemptTimeout;
    }

    @Override
    public CompletableFuture<Integer> post(String connectionId, Frame frame) {
        FullHttpRequest request;
        try {
            request = request(target.sign(connectionId, frame), frame);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Integer> result = new CompletableFuture<>();
        pool.acquire().addListener((Future<Channel> acquired) -> {
            if (acquired.isSuccess()) {
                PostExchange.start(acquired.getNow(), pool, request, attemptTimeout, result);
            } else {
                request.release();
                // Nothing was sent, but like the SDK's acquisition timeout this is a client-side failure.
                result.completeExceptionally(SdkClientException.create("no connection to " + target
                        + " became free: " + acquired.cause(), acquired.cause()));
            }
        });
        return result;
    }

    private static FullHttpRequest request(PostTarget.SignedPost signed, Frame frame) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, signed.path(),
                Unpooled.wrappedBuffer(frame.bytes()));
        HttpHeaders headers = request.headers();
        headers.set(HttpHeaderNames.HOST, signed.hostHeader());
        headers.set(HttpHeaderNames.CONTENT_LENGTH, frame.bytes().length);
        headers.set("x-amz-content-sha256", frame.sha256());
        headers.set("X-Amz-Date", signed.amzDate());
        headers.set(HttpHeaderNames.AUTHORIZATION, signed.authorization());
        if (signed.sessionToken() != null) {
            headers.set("X-Amz-Security-Token", signed.sessionToken());
        }
        return request;
    }

    @Override
    public void close() {
        pool.close();
    }
}
