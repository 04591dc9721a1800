package dev.skysocket.gateway.http;

import dev.skysocket.concurrent.Failures;
import dev.skysocket.gateway.engine.EngineError;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.gateway.engine.WebSocketChannel;
import dev.skysocket.gateway.engine.WebSocketInbound;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;

/**
 * Websocket requests: a fresh session ({@code transport=websocket}, no sid) or the upgrade of a polling
 * session. The 101 is written by {@link HttpServerRequest#toWebSocket()}, which sends the response headers set
 * before it, so the sticky cookie is on the raw upgrade answer.
 */
final class WebSocketExchange {
    /**
     * Bytes a websocket may have queued for a client that does not read (past the kernel's buffers) before the
     * session's send refuses more: about 32 messages of the default 32 KB maxPayload. Without it, fan-out to a
     * stalled client would queue in memory without bound.
     */
    static final int WRITE_QUEUE_MAX_BYTES = 1 << 20;

    private final EngineServer engine;
    private final EngineHttpSettings settings;
    private final WebSocketLimits limits;

    WebSocketExchange(EngineServer engine, EngineHttpSettings settings) {
        this.engine = engine;
        this.settings = settings;
        this.limits = WebSocketLimits.of(engine.options().config().maxPayload(), settings.headerTimeoutMs());
    }

    void handle(HttpServerRequest request, Map<String, String> query, String sid) {
        if (sid == null) {
            fresh(request, query);
            return;
        }
        EngineSession session = engine.session(sid);
        if (session == null) {
            EngineHttpServer.fail(request, EngineError.SESSION_ID_UNKNOWN);
            return;
        }
        decorate(request);
        request.toWebSocket().onSuccess(socket -> {
            WebSocketChannel channel = channel(socket);
            WebSocketInbound inbound = engine.upgrade(session, channel);
            if (inbound == null) {
                socket.close();
                return;
            }
            wire(socket, inbound);
        });
    }

    private void fresh(HttpServerRequest request, Map<String, String> query) {
        Context context = Vertx.currentContext();
        request.pause();
        engine.open(EngineHttpServer.handshake(request, query), "websocket").whenComplete((session, failure) ->
                context.runOnContext(ignored -> {
                    if (failure != null) {
                        request.resume();
                        Throwable cause = Failures.unwrap(failure);
                        EngineHttpServer.fail(request, cause instanceof HandshakeRefused
                                ? EngineError.FORBIDDEN : EngineError.UNAVAILABLE);
                        return;
                    }
                    decorate(request);
                    request.toWebSocket().onComplete(result -> {
                        if (result.failed()) {
                            session.close();
                            return;
                        }
                        ServerWebSocket socket = result.result();
                        wire(socket, engine.attach(session, channel(socket)));
                    });
                }));
    }

    private void decorate(HttpServerRequest request) {
        engine.options().handshakeDecorator().accept(request.response()::putHeader);
        if (settings.stickyCookie() != null) {
            request.response().headers().add("Set-Cookie",
                    settings.stickyCookie().header(SessionCookie.secure(request)));
        }
    }

    /** Runs on the socket's event loop (a completion of {@code toWebSocket}). */
    private void wire(ServerWebSocket socket, WebSocketInbound inbound) {
        socket.setWriteQueueMaxSize(WRITE_QUEUE_MAX_BYTES);
        InboundFrames.install(socket, inbound, limits, Vertx.currentContext());
    }

    private static WebSocketChannel channel(ServerWebSocket socket) {
        return new SequentialChannel(socket, WRITE_QUEUE_MAX_BYTES);
    }
}
