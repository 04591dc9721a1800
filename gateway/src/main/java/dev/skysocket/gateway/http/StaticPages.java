package dev.skysocket.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves {@link StaticPage}s by exact path. Paths are looked up in a fixed map, never resolved, so
 * {@code /../} or any other name cannot reach anything else. The production gateway has none.
 */
final class StaticPages {
    private final Map<String, Buffer> bodies = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();

    StaticPages(Map<String, StaticPage> pages) {
        pages.forEach((path, page) -> {
            bodies.put(path, Buffer.buffer(page.body()));
            types.put(path, page.contentType());
        });
    }

    /** Answers the request and returns true when the path is one of the pages; false leaves it to the caller. */
    boolean serve(HttpServerRequest request) {
        Buffer body = bodies.get(request.path());
        if (body == null) {
            return false;
        }
        HttpServerResponse response = request.response();
        response.putHeader("X-Content-Type-Options", "nosniff");
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
            return true;
        }
        response.putHeader("Content-Type", types.get(request.path())).putHeader("Cache-Control", "no-cache");
        response.end(body);
        return true;
    }
}
