package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public listener's header timeout on a connection with more than one request: a head that arrived in the same
 * read as the request before it is on the clock too, and a connection whose earlier request still awaits its answer
 * (a held long poll) is closed without a 408, which the client would take for that answer.
 */
class PipelinedHeadersHttpTest {
    private static final long HEADER_TIMEOUT_MS = 300;

    private final RecordingListener listener = new RecordingListener();
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        // Default ping interval (25 s): a held poll is not answered by a ping within any read timeout here.
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0).withEventLoops(1)
                .withHeaderTimeoutMs(HEADER_TIMEOUT_MS), engine).start();
    }

    @AfterEach
    void stop() {
        // The engine first: closing it answers a poll still held, which needs the listener's event loop.
        engine.close();
        server.close();
    }

    @Test
    void unfinishedHeadersSentWithTheRequestBeforeThemAreAnswered408() throws Exception {
        String answer = RawHttp.answerToPipelinedUnfinishedHeaders(server.port(), "/health");

        assertThat(answer).startsWith("HTTP/1.1 200");
        int timeout = answer.indexOf("HTTP/1.1 408 Request Timeout\r\n");
        assertThat(timeout).isPositive();
        MalformedRequestsHttpTest.assertRequestTimeout(answer.substring(timeout));
    }

    @Test
    void unfinishedHeadersBehindAHeldPollCloseTheConnectionWithoutA408() throws Exception {
        String[] session = handshake();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000); // far below the ping interval: only the header timeout can end the read
            socket.getOutputStream().write(("GET /socket.io/?EIO=4&transport=polling&sid=" + session[0]
                    + " HTTP/1.1\r\nHost: x\r\nCookie: " + session[1] + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 12".getBytes(StandardCharsets.US_ASCII));

            // Nothing at all: no 408 that could be read as the held poll's answer, and no poll answer either.
            assertThat(RawHttp.untilClosed(socket.getInputStream())).isEmpty();
        }
    }

    /** A polling handshake; returns {sid, session cookie}. */
    private String[] handshake() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/socket.io/?EIO=4&transport=polling")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String sid = response.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
        String cookie = response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("skysocket-sid-" + sid + "=")).findFirst().orElseThrow();
        return new String[] {sid, cookie.substring(0, cookie.indexOf(';'))};
    }
}
