package dev.skysocket.gateway.http;

import dev.skysocket.concurrent.Failures;
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

/**
 * Polling GET and POST (Engine.IO v4 §HTTP long-polling): handshake, held polls, bodies up to maxPayload. As the
 * reference server, a second GET or POST while one is pending, and a binary body, end the session with 400.
 */
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
            Refusals.refuse(request, EngineError.SESSION_ID_UNKNOWN, "session_gone");
            return;
        }
        Context context = Vertx.currentContext();
        PollResponder responder = payload -> context.runOnContext(ignored -> ok(request, session, payload));
        request.connection().closeHandler(ignored -> engine.pollAbandoned(session, responder));
        EngineError error = engine.poll(session, responder);
        if (error != null) {
            // The one 400 a GET can get here: a second GET while one is held, which closed the session.
            Refusals.refuse(request, error, error == EngineError.BAD_REQUEST ? "poll_overlap" : "session_closed",
                    session.sid());
        }
    }

    void post(HttpServerRequest request, String sid) {
        EngineSession session = engine.session(sid);
        if (session == null) {
            Refusals.refuse(request, EngineError.SESSION_ID_UNKNOWN, "session_gone");
            return;
        }
        // Marked before the body is read, so a second POST while this one streams is an overlap.
        EngineError refused = engine.startPost(session);
        if (refused != null) {
            Refusals.refuse(request, refused, refused == EngineError.BAD_REQUEST ? "post_overlap" : "session_closed",
                    session.sid());
            return;
        }
        if (binary(request.getHeader("Content-Type"))) {
            // Engine.IO v4 polling payloads are text (binary goes as "b" + base64): the reference ends the session
            // ("invalid content") and leaves the request unanswered; here it gets 400 code 3.
            engine.invalidContent(session);
            Refusals.refuse(request, EngineError.BAD_REQUEST, "binary_post_on_text_session", session.sid());
            return;
        }
        request.response().closeHandler(ignored -> engine.postAbandoned(session));
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
                Refusals.refuse(request, error, error == EngineError.BAD_REQUEST ? "malformed_payload"
                        : "session_closed", session.sid());
            } else {
                request.response().putHeader("Content-Type", TEXT).end("ok");
            }
        });
    }

    /** True for a binary body: Engine.IO v3's binary polling, which a v4 session never sends. */
    static boolean binary(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String media = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return media.equalsIgnoreCase("application/octet-stream");
    }

    private void handshake(HttpServerRequest request, Map<String, String> query) {
        Context context = Vertx.currentContext();
        request.pause();
        engine.open(EngineHttpServer.handshake(request, query), "polling").whenComplete((session, failure) ->
                context.runOnContext(ignored -> {
                    request.resume();
                    if (failure != null) {
                        Throwable cause = Failures.unwrap(failure);
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
