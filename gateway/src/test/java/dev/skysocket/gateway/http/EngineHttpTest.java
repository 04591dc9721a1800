package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Engine.IO server over real HTTP and raw websockets. */
class EngineHttpTest {
    private static final String ORIGIN = "https://app.example";

    private final RecordingListener listener = new RecordingListener();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0)
                .withAllowedOrigins(Set.of(ORIGIN))
                .withStickyCookie(new StickyCookie("skysocket-node", () -> "task-1")), engine).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private String url(String query) {
        return "http://127.0.0.1:" + server.port() + "/socket.io/?" + query;
    }

    private HttpResponse<String> get(String query, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(query))).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String query, String cookie, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(query)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Handshake; returns {sid, session cookie}. */
    private String[] handshake() throws Exception {
        HttpResponse<String> response = get("EIO=4&transport=polling", null);
        assertThat(response.statusCode()).isEqualTo(200);
        String sid = response.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
        String cookie = response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("skysocket-sid-" + sid + "=")).findFirst().orElseThrow();
        return new String[] {sid, cookie.substring(0, cookie.indexOf(';'))};
    }

    @Test
    void theHandshakeAnswersTheOpenPacketWithBothCookies() throws Exception {
        HttpResponse<String> response = get("EIO=4&transport=polling", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=UTF-8");
        assertThat(response.body()).matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\",\"upgrades\":\\[\"websocket\"\\],"
                + "\"pingInterval\":570000,\"pingTimeout\":60000,\"maxPayload\":32768}");
        assertThat(response.headers().allValues("set-cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("skysocket-node=task-1"));
        assertThat(response.headers().allValues("set-cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("skysocket-sid-").contains("HttpOnly"));
    }

    @Test
    void badHandshakesGetEngineIoErrorCodes() throws Exception {
        HttpResponse<String> eio3 = get("EIO=3&transport=polling", null);
        assertThat(eio3.statusCode()).isEqualTo(400);
        assertThat(eio3.body()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
        assertThat(get("EIO=4&transport=__proto__", null).body())
                .isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
        assertThat(post("EIO=4&transport=polling", null, "4x").body())
                .isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
        assertThat(get("EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA", null).body())
                .isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    }

    @Test
    void aRefusedHandshakeIsForbidden() throws Exception {
        listener.refuse = true;
        HttpResponse<String> response = get("EIO=4&transport=polling", null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
    }

    @Test
    void aHandshakeTheServerCannotRecordIsTemporarilyUnavailableOnBothTransports() throws Exception {
        listener.fail = true;
        HttpResponse<String> response = get("EIO=4&transport=polling", null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"code\":3,\"message\":\"Server unavailable\"}");
        try (RawSocket ws = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket", null)) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 503");
        }
        assertThat(listener.opened).isEmpty();
    }

    @Test
    void onceTheClientShowedItsCookieKnowingTheSidWithoutTheSecretIsNotEnough() throws Exception {
        String[] s = handshake();
        String query = "EIO=4&transport=polling&sid=" + s[0];
        assertThat(post(query, s[1], "6").body()).isEqualTo("ok"); // the client keeps cookies: the session locks
        assertThat(get(query, null).statusCode()).isEqualTo(400);
        assertThat(post(query, null, "4stolen").statusCode()).isEqualTo(400);
        assertThat(post(query, "skysocket-sid-" + s[0] + "=guess", "4stolen").statusCode()).isEqualTo(400);
        try (RawSocket ws = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket&sid=" + s[0], null)) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 400");
        }
        assertThat(listener.messages).isEmpty();
        assertThat(engine.session(s[0]).isOpen()).isTrue();
    }

    @Test
    void postedBatchesReachTheListenerAndHeldPollsWakeUpWithBatches() throws Exception {
        String[] s = handshake();
        String query = "EIO=4&transport=polling&sid=" + s[0];
        HttpResponse<String> posted = post(query, s[1], "4one\u001e4two\u001ebAQI=");
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).isEqualTo("ok");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.messages.size() == 3);
        assertThat(listener.messages).containsExactly(new EnginePacket.Message("one"),
                new EnginePacket.Message("two"), new EnginePacket.BinaryMessage(new byte[] {1, 2}));

        CompletableFuture<HttpResponse<String>> held = http.sendAsync(HttpRequest.newBuilder(URI.create(url(query)))
                .header("Cookie", s[1]).build(), HttpResponse.BodyHandlers.ofString());
        var session = engine.session(s[0]);
        session.send("4a");
        session.send("4b");
        HttpResponse<String> woken = held.get();
        // Held before the sends: woken by the first; after them: both in one batch.
        assertThat(woken.body()).isIn("4a\u001e4b", "4a");
    }

    @Test
    void overlappingPollsCloseTheSession() throws Exception {
        String[] s = handshake();
        String query = "EIO=4&transport=polling&sid=" + s[0];
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(HttpRequest.newBuilder(URI.create(url(query)))
                .header("Cookie", s[1]).build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            HttpResponse<String> second = get(query, s[1]);
            return second.statusCode() == 400;
        });
        assertThat(first.get().body()).isEqualTo("1");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));
    }

    @Test
    void aMalformedBodyIsRefusedAndEndsTheSession() throws Exception {
        String[] s = handshake();
        String query = "EIO=4&transport=polling&sid=" + s[0];
        HttpResponse<String> response = post(query, s[1], "4ok\u001e\u001e");
        assertThat(response.statusCode()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.PARSE_ERROR));
        assertThat(listener.messages).isEmpty();
    }

    @Test
    void aBodyOverMaxPayloadGets413() throws Exception {
        String[] s = handshake();
        HttpResponse<String> response = post("EIO=4&transport=polling&sid=" + s[0], s[1], "4" + "x".repeat(40_000));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(listener.messages).isEmpty();
    }

    @Test
    void corsHeadersGoOnlyToConfiguredOrigins() throws Exception {
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(url("EIO=4&transport=polling")))
                .header("Origin", ORIGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue(ORIGIN);
        assertThat(allowed.headers().firstValue("access-control-allow-credentials")).hasValue("true");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(url("EIO=4&transport=polling")))
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.headers().firstValue("access-control-allow-origin")).isEmpty();
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(url("EIO=4&transport=polling")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET, POST");
    }

    @Test
    void theUpgradeRunsTheProbeDanceAndThe101CarriesTheStickyCookie() throws Exception {
        String[] s = handshake();
        String query = "EIO=4&transport=polling&sid=" + s[0];
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(HttpRequest.newBuilder(URI.create(url(query)))
                .header("Cookie", s[1]).build(), HttpResponse.BodyHandlers.ofString());
        try (RawSocket ws = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket&sid=" + s[0], s[1])) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 101");
            assertThat(ws.responseHead.toLowerCase()).contains("set-cookie: skysocket-node=task-1");
            ws.sendText("2probe");
            assertThat(ws.readText()).isEqualTo("3probe");
            assertThat(held.get().body()).isEqualTo("6");
            ws.sendText("5");
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.session(s[0]).transport().equals("websocket"));
            engine.session(s[0]).send("4after");
            assertThat(ws.readText()).isEqualTo("4after");
            ws.sendText("4over-ws");
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.messages.contains(
                    new EnginePacket.Message("over-ws")));
            assertThat(get(query, s[1]).statusCode()).isEqualTo(400);
            ws.sendText("1");
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_CLOSE));
        }
    }

    @Test
    void aDirectWebsocketGetsTheOpenPacketWithoutUpgradesAndTheStickyCookieOnIts101() throws Exception {
        try (RawSocket ws = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket", null)) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 101");
            assertThat(ws.responseHead.toLowerCase()).contains("set-cookie: skysocket-node=task-1");
            assertThat(ws.readText()).startsWith("0{").contains("\"upgrades\":[]");
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.opened.size() == 1);
            listener.opened.get(0).close();
            assertThat(ws.readText()).isEqualTo("<close>");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> List.of(EngineCloseReason.FORCED_CLOSE).equals(List.copyOf(listener.closes)));
    }
}
