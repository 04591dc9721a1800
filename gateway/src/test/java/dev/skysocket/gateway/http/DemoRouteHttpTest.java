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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo page and its client bundle over raw HTTP/1.1 (a raw socket, so paths like {@code /../} reach the
 * server exactly as written instead of being normalised by a client).
 */
class DemoRouteHttpTest {
    private static final String BUNDLE = "/* stands in for the socket.io-client browser build */";

    @TempDir
    Path dist;
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dist.resolve(DemoRoute.CLIENT_FILE), BUNDLE);
        Files.writeString(dist.resolve("secret.txt"), "not for the web");
        Files.writeString(dist.getParent().resolve("outside.txt"), "not for the web either");
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), new RecordingListener());
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine)
                .withDemoClientDir(dist).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    @Test
    void theDemoPageIsServedAtTheRootAndAtDemo() throws IOException {
        for (String path : new String[] {"/", "/demo"}) {
            String answer = request("GET", path);
            assertThat(answer).as(path).startsWith("HTTP/1.1 200");
            assertThat(answer).containsIgnoringCase("content-type: text/html");
            assertThat(answer).contains("io({ withCredentials: true })", "src=\"/socket.io-client.js\"");
        }
    }

    @Test
    void theClientBundleComesFromTheConfiguredDirectory() throws IOException {
        String answer = request("GET", DemoRoute.CLIENT_PATH);

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).containsIgnoringCase("content-type: text/javascript");
        assertThat(answer).endsWith(BUNDLE);
    }

    @Test
    void traversalAndUnknownNamesAreNotFound() throws IOException {
        String[] paths = {"/../outside.txt", "/socket.io-client.js/../secret.txt", "/%2e%2e/outside.txt",
            "/secret.txt", "/" + DemoRoute.CLIENT_FILE, "/demo/", "/demo/../secret.txt", "/index.html"};
        for (String path : paths) {
            assertThat(request("GET", path)).as(path).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws IOException {
        assertThat(request("POST", "/")).startsWith("HTTP/1.1 405");
        assertThat(request("DELETE", DemoRoute.CLIENT_PATH)).startsWith("HTTP/1.1 405");
        assertThat(request("HEAD", "/demo")).startsWith("HTTP/1.1 200");
    }

    @Test
    void withoutAClientDirectoryThePageIsServedButTheBundleIsNotFound() throws IOException {
        try (EngineHttpServer bare = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine).start()) {
            assertThat(request(bare.port(), "GET", "/")).startsWith("HTTP/1.1 200");
            assertThat(request(bare.port(), "GET", DemoRoute.CLIENT_PATH)).startsWith("HTTP/1.1 404");
        }
    }

    private String request(String method, String path) throws IOException {
        return request(server.port(), method, path);
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
