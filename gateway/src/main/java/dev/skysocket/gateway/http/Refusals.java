package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.EngineError;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.lang.System.Logger.Level;

/**
 * The one choke point for Engine.IO's JSON errors (STYLE 4): every refused Engine.IO request is answered
 * {@code {"code":n,"message":"..."}} with the error's status, and logged as one structured line. The line names
 * only what the server chose (reason, code, status, method), the session's sid when it exists and the remote
 * address: never the body, the query or a header the client wrote.
 */
final class Refusals {
    private static final System.Logger LOG = System.getLogger(Refusals.class.getName());

    private Refusals() {
    }

    /** Answers {@code error} unless an answer is already under way; {@code reason} is a fixed snake_case word. */
    static void refuse(HttpServerRequest request, EngineError error, String reason, String sid) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        LOG.log(Level.INFO, "event=engine_refused reason={0} code={1} status={2} method={3} sid={4} remote={5}",
                reason, String.valueOf(error.code()), String.valueOf(error.httpStatus()), request.method().name(),
                sid == null ? "-" : sid, request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress());
        response.setStatusCode(error.httpStatus())
                .putHeader("Content-Type", "application/json")
                .end(error.json());
    }

    static void refuse(HttpServerRequest request, EngineError error, String reason) {
        refuse(request, error, reason, null);
    }

    /** The reason word for an error the engine chose by itself (the verify step, a handshake). */
    static String reasonOf(EngineError error) {
        return error.name().toLowerCase(java.util.Locale.ROOT);
    }
}
