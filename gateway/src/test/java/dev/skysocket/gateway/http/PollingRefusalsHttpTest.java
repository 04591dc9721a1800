package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Polling requests the reference server refuses by ending the session: a second GET or POST while one is
 * pending ("overlap from client") and a binary body on a text session ("invalid content"). Each gets 400 with
 * Engine.IO's JSON code 3, and the session is gone for every later request.
 */
class PollingRefusalsHttpTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BAD_REQUEST = "{\"code\":3,\"message\":\"Bad request\"}";
    private static final String SESSION_UNKNOWN = "{\"code\":1,\"message\":\"Session ID unknown\"}";

    private final RecordingListener listener = new RecordingListener();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private URI uri(String query) {
        return URI.create("http://127.0.0.1:" + server.port() + "/socket.io/?" + query);
    }

    private HttpRequest.Builder request(String query) {
        return HttpRequest.newBuilder(uri(query)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A polling handshake without cookies (the secret binds on first use only); returns the session query. */
    private String session() throws Exception {
        HttpResponse<String> open = send(request("EIO=4&transport=polling").build());
        assertThat(open.statusCode()).isEqualTo(200);
        return "EIO=4&transport=polling&sid=" + open.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String json) {
        assertThat(response.statusCode()).as("status").isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(json);
    }

    @Test
    void aSecondGetWhileOneIsHeldIsRefusedWithCode3AndTheHeldOneGetsTheClosePacket() throws Exception {
        String query = session();
        // Whichever arrives second is the overlap; the other was held and is released with the close packet.
        CompletableFuture<HttpResponse<String>> one = http.sendAsync(request(query).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> two = http.sendAsync(request(query).build(),
                HttpResponse.BodyHandlers.ofString());
        List<HttpResponse<String>> answers = List.of(one.get(), two.get());

        HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
        assertRefused(refused, 400, BAD_REQUEST);
        assertThat(answers).filteredOn(r -> r.statusCode() == 200).singleElement()
                .extracting(HttpResponse::body).isEqualTo("1");
        await().atMost(WAIT).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));
        assertRefused(send(request(query).build()), 400, SESSION_UNKNOWN);
    }

    @Test
    void aSecondPostWhileOneIsStillBeingReadIsRefusedWithCode3AndEndsTheSession() throws Exception {
        String query = session();
        try (Socket first = new Socket("127.0.0.1", server.port())) {
            first.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = first.getOutputStream();
            // Headers and half the body: the server is reading this POST until the rest comes.
            out.write(("POST /socket.io/?" + query + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 8\r\n\r\n4fir").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Until the server has read the first POST's headers a second one is served; then it overlaps.
            HttpResponse<String>[] second = new HttpResponse[1];
            await().atMost(WAIT).until(() -> {
                second[0] = send(request(query).POST(HttpRequest.BodyPublishers.ofString("6")).build());
                return second[0].statusCode() != 200;
            });
            assertRefused(second[0], 400, BAD_REQUEST);
            await().atMost(WAIT).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));

            out.write("st!!".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(first.getInputStream())).as("the first POST, finished after the close")
                    .startsWith("HTTP/1.1 400");
        }
        assertThat(listener.messages).as("the first POST's packet").doesNotContain(new EnginePacket.Message("first!!"));
    }

    @Test
    void postsOneAfterAnotherAreNotAnOverlap() throws Exception {
        String query = session();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = send(request(query).POST(HttpRequest.BodyPublishers.ofString("4m" + i)).build());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("ok");
        }
        await().atMost(WAIT).until(() -> listener.messages.size() == 3);
        assertThat(texts()).containsExactly("m0", "m1", "m2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "Application/Octet-Stream; charset=binary"})
    void aBinaryPostOnATextSessionIsRefusedWithCode3AndEndsTheSession(String contentType) throws Exception {
        String query = session();
        HttpResponse<String> refused = send(request(query).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray("4would decode".getBytes(StandardCharsets.UTF_8)))
                .build());

        assertRefused(refused, 400, BAD_REQUEST);
        await().atMost(WAIT).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));
        assertThat(listener.messages).isEmpty();
        assertRefused(send(request(query).POST(HttpRequest.BodyPublishers.ofString("4late")).build()), 400,
                SESSION_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain;charset=UTF-8", "text/plain"})
    void aTextPostIsAccepted(String contentType) throws Exception {
        String query = session();
        HttpResponse<String> ok = send(request(query).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("4hello")).build());
        assertThat(ok.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !listener.messages.isEmpty());
        assertThat(texts()).containsExactly("hello");
    }

    private List<String> texts() {
        return listener.messages.stream().map(m -> m instanceof EnginePacket.Message text ? text.text() : m.toString())
                .toList();
    }

    private static String statusLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().trim();
    }
}
