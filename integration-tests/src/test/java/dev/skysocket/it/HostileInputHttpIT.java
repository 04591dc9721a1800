package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.local.LocalRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN §9 at the HTTP and websocket boundaries of both listeners: slow headers, broken escapes and keys on the
 * emulator and the fallback gateway; polling overlaps and binary bodies, RFC 6455 framing errors and Socket.IO
 * packets the codec refuses on the fallback gateway. After each case the {@link Canaries} (stock clients on the
 * emulator, on the gateway's websocket and on its polling) still get their echoes.
 */
@Timeout(120)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "sends raw HTTP and frames to the local stack's listeners")
class HostileInputHttpIT {
    private static final long HEADER_TIMEOUT_MS = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BAD_REQUEST = "{\"code\":3,\"message\":\"Bad request\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private static LocalRunner runner;
    private static Canaries canaries;

    @BeforeAll
    static void startStackAndCanaries() {
        runner = TestStack.start(Map.of("skysocket.http-header-timeout-ms", Long.toString(HEADER_TIMEOUT_MS)));
        canaries = Canaries.connect(runner);
    }

    @AfterAll
    static void stop() {
        if (canaries != null) {
            canaries.close();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @AfterEach
    void theCanariesStillEcho() throws Exception {
        canaries.assertAllEcho();
    }

    private static int port(String listener) {
        return URI.create("emulator".equals(listener) ? runner.websocketUrl() : runner.gatewayUrl()).getPort();
    }

    private static String upgradePath(String listener) {
        return "emulator".equals(listener) ? TestStack.path(runner) : "/socket.io/";
    }

    @ParameterizedTest(name = "on the {0}")
    @ValueSource(strings = {"emulator", "gateway"})
    void headersNeverFinishedAreCutOff(String listener) throws IOException {
        try (Socket slow = new Socket("127.0.0.1", port(listener))) {
            slow.setSoTimeout((int) WAIT.toMillis());
            slow.getOutputStream().write(("GET " + upgradePath(listener) + "?EIO=4&transport=websocket HTTP/1.1\r\n"
                    + "Host: 12").getBytes(StandardCharsets.US_ASCII));
            // Closed, with or without a 408 first (the listener may answer before it closes).
            String answered = readToEndOfStream(slow.getInputStream());
            assertThat(answered).as("closed by the server").isNotNull();
            assertThat(answered).satisfiesAnyOf(a -> assertThat(a).isEmpty(),
                    a -> assertThat(a).startsWith("HTTP/1.1 408"));
        }
    }

    @ParameterizedTest(name = "on the {0}")
    @ValueSource(strings = {"emulator", "gateway"})
    void aBrokenPercentEscapeIsAnswered400(String listener) throws IOException {
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        assertThat(statusLine(listener, upgrade(upgradePath(listener) + "?EIO=4&transport=websocket&t=%zz", key)))
                .startsWith("HTTP/1.1 400");
    }

    @ParameterizedTest(name = "on the {0}")
    @ValueSource(strings = {"emulator", "gateway"})
    void anUpgradeWithABadKeyIsAnswered400(String listener) throws IOException {
        String fifteenBytes = Base64.getEncoder().encodeToString(new byte[15]);
        for (String key : List.of("not a key", fifteenBytes)) {
            assertThat(statusLine(listener, upgrade(upgradePath(listener) + "?EIO=4&transport=websocket", key)))
                    .as(key).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aSecondPollWhileOneIsHeldIsRefusedWithCode3() throws Exception {
        // A ping (every second here) may answer the first GET before the second comes: then try a fresh session.
        List<HttpResponse<String>>[] answers = new List[1];
        await().atMost(WAIT).until(() -> {
            String query = pollingSession();
            CompletableFuture<HttpResponse<String>> one = HTTP.sendAsync(get(query),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> two = HTTP.sendAsync(get(query),
                    HttpResponse.BodyHandlers.ofString());
            answers[0] = List.of(one.get(20, TimeUnit.SECONDS), two.get(20, TimeUnit.SECONDS));
            return answers[0].stream().anyMatch(r -> r.statusCode() != 200);
        });
        assertThat(answers[0]).filteredOn(r -> r.statusCode() != 200).singleElement()
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
                .extracting(HttpResponse::body).isEqualTo(BAD_REQUEST);
    }

    @Test
    void aSecondPostWhileOneIsBeingReadIsRefusedWithCode3() throws Exception {
        String query = pollingSession();
        try (Socket first = new Socket("127.0.0.1", port("gateway"))) {
            first.getOutputStream().write(("POST /socket.io/?" + query + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 40\r\n\r\n4par").getBytes(StandardCharsets.US_ASCII));
            HttpResponse<String>[] second = new HttpResponse[1];
            await().atMost(WAIT).until(() -> {
                second[0] = HTTP.send(post(query, "text/plain;charset=UTF-8", "6".getBytes(StandardCharsets.UTF_8)),
                        HttpResponse.BodyHandlers.ofString());
                return second[0].statusCode() != 200;
            });
            assertThat(second[0].statusCode()).isEqualTo(400);
            assertThat(second[0].body()).isEqualTo(BAD_REQUEST);
        }
    }

    @Test
    void aBinaryPostIsRefusedWithCode3() throws Exception {
        // A body that would decode as text: only its content type is refused.
        HttpResponse<String> refused = HTTP.send(post(pollingSession(), "application/octet-stream",
                bytes("4hello")), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo(BAD_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSV1 without an extension", "reserved opcode 3", "ping over 125 bytes",
            "continuation without a start", "text not UTF-8", "message over maxPayload", "65 fragments"})
    void aFramingErrorOnTheGatewayClosesThatSocketOnly(String name) throws IOException {
        try (WireClient attacker = WireClient.connect(runner.gatewayUrl().replaceFirst("^http", "ws"),
                "/socket.io/")) {
            attacker.handshake();
            attacker.sendExpectingClose(() -> {
                switch (name) {
                    case "RSV1 without an extension" -> attacker.sendFrame(0x40 | WireClient.TEXT, true, bytes("4x"));
                    case "reserved opcode 3" -> attacker.sendFrame(3, true, bytes("4x"));
                    case "ping over 125 bytes" -> attacker.sendFrame(9, true, new byte[126]);
                    case "continuation without a start" -> attacker.sendFrame(WireClient.CONTINUATION, true, bytes("x"));
                    case "text not UTF-8" -> attacker.sendFrame(WireClient.TEXT, true, new byte[] {'4', (byte) 0xFF});
                    case "message over maxPayload" -> attacker.sendText("42[\"echo\",\"" + "x".repeat(33 * 1024) + "\"]");
                    default -> attacker.sendFragmented(bytes("42[\"echo\",\"" + "x".repeat(200) + "\"]"), 65);
                }
            });
            int expected = switch (name) {
                case "text not UTF-8" -> 1007;
                case "message over maxPayload" -> 1009;
                case "65 fragments" -> 1008;
                default -> 1002;
            };
            assertThat(attacker.awaitClose(WAIT)).as("close status").isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"422147483648[\"echo\",\"x\"]", "4299999999999999999999[\"echo\",\"x\"]", "41/admin,"})
    void aPacketTheCodecRefusesClosesThatGatewaySessionOnly(String frame) {
        try (RawClient attacker = RawClient.connect(runner.gatewayUrl().replaceFirst("^http", "ws"), "/socket.io/",
                true)) {
            attacker.handshake("/");
            attacker.send(frame);
            attacker.closed().orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String upgrade(String pathAndQuery, String key) {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n\r\n";
    }

    private static String statusLine(String listener, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port(listener))) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString().trim();
        }
    }

    /** What the server sent before it ended the connection (end of stream or reset) within {@link #WAIT}; null if not. */
    private static String readToEndOfStream(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                got.write(b);
            }
        } catch (SocketTimeoutException stillOpen) {
            return null;
        } catch (IOException reset) {
            // a reset ends it too
        }
        return got.toString(StandardCharsets.US_ASCII);
    }

    private static String pollingSession() throws Exception {
        HttpResponse<String> open = HTTP.send(get("EIO=4&transport=polling"), HttpResponse.BodyHandlers.ofString());
        assertThat(open.statusCode()).isEqualTo(200);
        return "EIO=4&transport=polling&sid=" + open.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
    }

    private static HttpRequest get(String query) {
        return HttpRequest.newBuilder(URI.create(runner.gatewayUrl() + "/socket.io/?" + query))
                .timeout(Duration.ofSeconds(20)).build();
    }

    private static HttpRequest post(String query, String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create(runner.gatewayUrl() + "/socket.io/?" + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(20)).build();
    }
}
