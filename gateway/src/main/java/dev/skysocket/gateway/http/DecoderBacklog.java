package dev.skysocket.gateway.http;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * How many bytes a connection's HTTP decoder holds that are not yet part of a decoded message: after a request, the
 * start of the next request's head when a client sent both in one write (pipelining). Netty keeps that count behind
 * a protected method of {@link ByteToMessageDecoder}; Netty is on the class path (the unnamed module), so the method
 * is reached with a private lookup, resolved once. A Netty without it fails class loading, so at start, rather
 * than leaving such heads off the clock.
 */
final class DecoderBacklog {
    private static final MethodHandle ACTUAL_READABLE_BYTES = resolve();

    private DecoderBacklog() {
    }

    /** Buffered bytes of the pipeline's HTTP request decoder; 0 when it has none (gone after a websocket upgrade). */
    static int of(ChannelPipeline pipeline) {
        HttpRequestDecoder decoder = pipeline.get(HttpRequestDecoder.class);
        if (decoder == null) {
            return 0;
        }
        try {
            return (int) ACTUAL_READABLE_BYTES.invokeExact((ByteToMessageDecoder) decoder);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the HTTP decoder's buffer", e);
        }
    }

    private static MethodHandle resolve() {
        try {
            return MethodHandles.privateLookupIn(ByteToMessageDecoder.class, MethodHandles.lookup())
                    .findVirtual(ByteToMessageDecoder.class, "actualReadableBytes", MethodType.methodType(int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
