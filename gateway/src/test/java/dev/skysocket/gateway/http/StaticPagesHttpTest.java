package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fixed pages beside the Engine.IO path over raw HTTP/1.1 (a raw socket, so paths like {@code /../} reach the
 * server exactly as written instead of being normalised by a client).
 */
class StaticPagesHttpTest {
    private static final String PAGE = "<!doctype html><title>page</title>";
    private static final String SCRIPT = "/* a script */";

    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), new RecordingListener());
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine)
                .withPages(Map.of(
                        "/", new StaticPage("text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)),
                        "/app.js", new StaticPage("text/javascript; charset=utf-8",
                                SCRIPT.getBytes(StandardCharsets.UTF_8))))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @Test
    void eachPageIsServedAtItsPathWithItsContentType() throws IOException {
        String page = request(server.port(), "GET", "/");
        String script = request(server.port(), "GET", "/app.js");

        assertThat(page).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/html").endsWith(PAGE);
        assertThat(script).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/javascript")
                .containsIgnoringCase("x-content-type-options: nosniff").endsWith(SCRIPT);
    }

    @Test
    void traversalAndUnknownNamesAreNotFound() throws IOException {
        String[] paths = {"/../app.js", "/app.js/../", "/%2e%2e/app.js", "/app.js/", "/APP.JS", "/index.html",
            "//app.js"};
        for (String path : paths) {
            assertThat(request(server.port(), "GET", path)).as(path).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws IOException {
        assertThat(request(server.port(), "POST", "/")).startsWith("HTTP/1.1 405");
        assertThat(request(server.port(), "DELETE", "/app.js")).startsWith("HTTP/1.1 405");
        assertThat(request(server.port(), "HEAD", "/app.js")).startsWith("HTTP/1.1 200");
    }

    @Test
    void withoutPagesTheRootIsNotFound() throws IOException {
        try (EngineHttpServer bare = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine).start()) {
            assertThat(request(bare.port(), "GET", "/")).startsWith("HTTP/1.1 404");
        }
    }

    /** One request on its own connection; returns the whole answer (head and body). */
    private static String request(int port, String method, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
