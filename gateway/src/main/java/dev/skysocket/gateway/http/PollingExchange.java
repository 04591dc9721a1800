package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.EngineError;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.gateway.engine.PollResponder;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;

/** Polling GET and POST (Engine.IO v4 §HTTP long-polling): handshake, held polls, bodies up to maxPayload. */
final class PollingExchange {
    private static final String TEXT = "text/plain; charset=UTF-8";

    private final EngineServer engine;
    private final EngineHttpSettings settings;
    private final int maxPayload;
    private final long cookieMaxAgeSeconds;

    PollingExchange(EngineServer engine, EngineHttpSettings settings, int maxPayload) {
        this.engine = engine;
        this.settings = settings;
        this.maxPayload = maxPayload;
        var config = engine.options().config();
        this.cookieMaxAgeSeconds = (config.pingIntervalMs() + config.pingTimeoutMs()) / 1000 + 60;
    }

    void get(HttpServerRequest request, Map<String, String> query, String sid) {
        if (sid == null) {
            handshake(request, query);
            return;
        }
        EngineSession session = engine.session(sid);
        if (session == null) {
            EngineHttpServer.fail(request, EngineError.SESSION_ID_UNKNOWN);
            return;
        }
        Context context = Vertx.currentContext();
        PollResponder responder = payload -> context.runOnContext(ignored -> ok(request, session, payload));
        request.connection().closeHandler(ignored -> engine.pollAbandoned(session, responder));
        EngineError error = engine.poll(session, responder);
        if (error != null) {
            EngineHttpServer.fail(request, error);
        }
    }

    void post(HttpServerRequest request, String sid) {
        EngineSession session = engine.session(sid);
        if (session == null) {
            EngineHttpServer.fail(request, EngineError.SESSION_ID_UNKNOWN);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && tooLong(length)) {
            tooLarge(request, session);
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > maxPayload) {
                tooLarge(request, session);
                return;
            }
            if (!request.response().ended()) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> {
            if (request.response().ended()) {
                return;
            }
            EngineError error = engine.post(session, body.toString(StandardCharsets.UTF_8));
            if (error != null) {
                EngineHttpServer.fail(request, error);
            } else {
                request.response().putHeader("Content-Type", TEXT).end("ok");
            }
        });
    }

    private void handshake(HttpServerRequest request, Map<String, String> query) {
        Context context = Vertx.currentContext();
        request.pause();
        engine.open(EngineHttpServer.handshake(request, query), "polling").whenComplete((session, failure) ->
                context.runOnContext(ignored -> {
                    request.resume();
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        EngineHttpServer.fail(request, cause instanceof HandshakeRefused
                                ? EngineError.FORBIDDEN : EngineError.UNAVAILABLE);
                        return;
                    }
                    HttpServerResponse response = request.response();
                    engine.options().handshakeDecorator().accept(response::putHeader);
                    if (settings.stickyCookie() != null) {
                        response.headers().add("Set-Cookie",
                                settings.stickyCookie().header(SessionCookie.secure(request)));
                    }
                    ok(request, session, engine.handshakePayload(session));
                }));
    }

    private void ok(HttpServerRequest request, EngineSession session, String payload) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        String secret = engine.secretOf(session);
        if (secret != null) {
            // Renewed on each answer; a close packet expires it.
            long maxAge = payload.equals("1") ? 0 : cookieMaxAgeSeconds;
            response.headers().add("Set-Cookie", SessionCookie.header(session.sid(), secret, settings.path(),
                    maxAge, SessionCookie.secure(request)));
        }
        response.putHeader("Content-Type", TEXT).end(payload);
    }

    private void tooLarge(HttpServerRequest request, EngineSession session) {
        HttpServerResponse response = request.response();
        if (!response.ended()) {
            // Engine.IO answers an over-limit body with a bare 413 (the client reports "xhr post error").
            response.setStatusCode(413).putHeader("Connection", "close").end();
            engine.payloadTooLarge(session);
        }
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxPayload;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
