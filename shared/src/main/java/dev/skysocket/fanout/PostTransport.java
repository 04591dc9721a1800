package dev.skysocket.fanout;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The event loops, TLS context and per-endpoint keep-alive connection pools that carry {@code PostToConnection}
 * requests ({@link PooledFramePoster}). One HTTP/1.1 request per connection at a time, as API Gateway serves them;
 * a pool per endpoint holds at most {@code maxConnections}, waiting calls fail after the acquisition timeout, and a
 * connection idle for {@link #MAX_IDLE} is closed before the far end drops it under a request.
 */
final class PostTransport implements AutoCloseable {
    /** Shorter than the SDK's 60 s default: a fan-out either keeps connections busy or does not need them. */
    static final Duration MAX_IDLE = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final EventLoopGroup group;
    private final SslContext tls;
    private final int maxConnections;
    private final Duration acquisitionTimeout;

    /** @param trust null for the JDK's default trust store (production); tests pass their own CA */
    PostTransport(int ioThreads, int maxConnections, Duration acquisitionTimeout, TrustManagerFactory trust) {
        this.group = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("skysocket-post", true));
        this.maxConnections = maxConnections;
        this.acquisitionTimeout = acquisitionTimeout;
        try {
            this.tls = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(trust).build();
        } catch (SSLException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("the JDK's TLS provider refused a client context", e);
        }
    }

    /** A pool of connections to one endpoint's host and port; closed by the caller. */
    ChannelPool pool(PostTarget target) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .remoteAddress(target.host, target.port);
        return new FixedChannelPool(bootstrap, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel channel) {
                if (target.tls()) {
                    channel.pipeline().addLast(sslHandler(channel, target));
                }
                channel.pipeline().addLast(new HttpClientCodec(),
                        new IdleStateHandler(0, 0, MAX_IDLE.toMillis(), TimeUnit.MILLISECONDS),
                        new PostExchange.Handler());
            }
        }, ChannelHealthChecker.ACTIVE, FixedChannelPool.AcquireTimeoutAction.FAIL, acquisitionTimeout.toMillis(),
                maxConnections, Integer.MAX_VALUE, true, true);
    }

    /** SNI and host name verification as an HTTPS client does them: a certificate for another name is refused. */
    private SslHandler sslHandler(Channel channel, PostTarget target) {
        SslHandler handler = tls.newHandler(channel.alloc(), target.host, target.port);
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return handler;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
