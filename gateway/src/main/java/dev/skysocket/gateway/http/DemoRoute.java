package dev.skysocket.gateway.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The demo chat page at {@code /} and {@code /demo}, and the socket.io-client browser bundle it loads from
 * {@code /socket.io-client.js}. The page is our own resource; the bundle is third-party, so it is never packaged:
 * it is read from a directory given at start (the npm package's {@code dist} folder). Paths are matched against
 * a fixed list, never mapped onto the file system, so {@code /../} or any other name cannot reach a file.
 */
final class DemoRoute {
    private static final System.Logger LOG = System.getLogger(DemoRoute.class.getName());
    static final String CLIENT_PATH = "/socket.io-client.js";
    /** The minified browser build inside socket.io-client's {@code dist} folder. */
    static final String CLIENT_FILE = "socket.io.min.js";
    private static final Set<String> PAGE_PATHS = Set.of("/", "/demo");

    private final String page;
    private final Path clientFile;

    /** {@code clientDir} holds {@value #CLIENT_FILE}; null: the page is served but the bundle answers 404. */
    DemoRoute(Path clientDir) {
        this.page = resource("demo.html");
        this.clientFile = clientDir == null ? null : clientDir.resolve(CLIENT_FILE);
    }

    /** Answers the request and returns true when the path is one of the demo's; false leaves it to the caller. */
    boolean serve(HttpServerRequest request) {
        String path = request.path();
        boolean isPage = PAGE_PATHS.contains(path);
        if (!isPage && !CLIENT_PATH.equals(path)) {
            return false;
        }
        HttpServerResponse response = request.response();
        response.putHeader("X-Content-Type-Options", "nosniff");
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
        } else if (isPage) {
            response.putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(page);
        } else if (clientFile == null || !Files.isRegularFile(clientFile)) {
            response.setStatusCode(404).end();
        } else {
            response.putHeader("Content-Type", "text/javascript; charset=utf-8");
            response.sendFile(clientFile.toString()).onFailure(e -> {
                LOG.log(Level.WARNING, "demo.client.unreadable error={0}", e.toString());
                if (!response.headWritten()) {
                    response.setStatusCode(404).end();
                }
            });
        }
        return true;
    }

    private static String resource(String name) {
        try (InputStream in = DemoRoute.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the gateway jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
