package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.protocol.engineio.EnginePacket;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The polling session's cookie (DESIGN §9) on one node and through another that forwards to it: a client that
 * keeps no cookies is served; a wrong cookie never passes; once the client showed its cookie, a stranger with the
 * sid alone is refused like an unknown sid; over HTTPS every cookie is {@code SameSite=None; Secure}.
 */
class SessionCookieHttpTest {
    private static final String UNKNOWN = "{\"code\":1,\"message\":\"Session ID unknown\"}";
    private static final String HTTPS = "X-Forwarded-Proto: https\r\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Vertx privateVertx = Vertx.vertx();
    private final RecordingListener listener = new RecordingListener();
    private EngineServer ownerEngine;
    private EngineServer otherEngine;
    private EngineHttpServer owner;
    private EngineHttpServer other;
    private HttpServer ownerPrivate;

    @BeforeEach
    void start() throws Exception {
        ownerEngine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), listener);
        otherEngine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), new RecordingListener());
        owner = new EngineHttpServer(settings("node-owner"), ownerEngine).start();
        ownerPrivate = privateVertx.createHttpServer().requestHandler(owner.forwardedRoute()).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String ownerUrl = "http://127.0.0.1:" + ownerPrivate.actualPort();
        other = new EngineHttpServer(settings("node-other"), otherEngine)
                .forwardingTo(sid -> Optional.of(ownerUrl)).start();
    }

    @AfterEach
    void stop() throws Exception {
        other.close();
        owner.close();
        otherEngine.close();
        ownerEngine.close();
        privateVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static EngineHttpSettings settings(String node) {
        return EngineHttpSettings.defaults().withPort(0).withAllowedOrigins(Set.of("https://app.example"))
                .withStickyCookie(new StickyCookie("skysocket-node", () -> node));
    }

    private HttpResponse<String> send(int port, String method, String query, String cookie, String body,
                                      String proto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/socket.io/?EIO=4&transport=polling" + query)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (proto != null) {
            request.header("X-Forwarded-Proto", proto);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(int port, String method, String sid, String cookie, String body)
            throws Exception {
        return send(port, method, "&sid=" + sid, cookie, body, null);
    }

    private static String sidOf(HttpResponse<String> open) {
        return open.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
    }

    private static String sessionCookie(HttpResponse<String> response, String sid) {
        String cookie = response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("skysocket-sid-" + sid + "=")).findFirst().orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void aClientThatKeepsNoCookiesPostsPollsAndUpgrades() throws Exception {
        String sid = sidOf(send(owner.port(), "GET", "", null, null, null));

        assertThat(send(owner.port(), "POST", sid, null, "4hello").body()).isEqualTo("ok");
        ownerEngine.session(sid).send("4queued");
        assertThat(send(owner.port(), "GET", sid, null, null).body()).isEqualTo("4queued");
        try (RawSocket ws = RawSocket.open(owner.port(), "/socket.io/?EIO=4&transport=websocket&sid=" + sid, null)) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 101");
            ws.sendText("2probe");
            assertThat(ws.readText()).isEqualTo("3probe");
        }
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> listener.messages.contains(new EnginePacket.Message("hello")));
        assertThat(ownerEngine.secretLocked(ownerEngine.session(sid))).isFalse();
    }

    @Test
    void aClientThatKeepsNoCookiesIsServedThroughTheNodeThatDoesNotOwnItsSession() throws Exception {
        String sid = sidOf(send(owner.port(), "GET", "", null, null, null));

        assertThat(send(other.port(), "POST", sid, null, "4via other").body()).isEqualTo("ok");
        ownerEngine.session(sid).send("4queued");
        assertThat(send(other.port(), "GET", sid, null, null).body()).isEqualTo("4queued");
        try (RawSocket ws = RawSocket.open(other.port(), "/socket.io/?EIO=4&transport=websocket&sid=" + sid, null)) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 101");
            ws.sendText("2probe");
            assertThat(ws.readText()).isEqualTo("3probe");
        }
        assertThat(other.forwardedRequests()).isEqualTo(3);
    }

    @Test
    void onceTheClientShowedItsCookieAStrangerWithTheSidIsRefusedOnEitherNode() throws Exception {
        HttpResponse<String> open = send(owner.port(), "GET", "", null, null, null);
        String sid = sidOf(open);
        String cookie = sessionCookie(open, sid);
        assertThat(send(owner.port(), "POST", sid, cookie, "4mine").body()).isEqualTo("ok");

        for (int port : List.of(owner.port(), other.port())) {
            HttpResponse<String> poll = send(port, "GET", sid, null, null);
            assertThat(poll.statusCode()).isEqualTo(400);
            assertThat(poll.body()).isEqualTo(UNKNOWN);
            assertThat(send(port, "POST", sid, null, "4stolen").body()).isEqualTo(UNKNOWN);
            assertThat(send(port, "POST", sid, "skysocket-sid-" + sid + "=guess", "4stolen").body())
                    .isEqualTo(UNKNOWN);
            try (RawSocket ws = RawSocket.open(port, "/socket.io/?EIO=4&transport=websocket&sid=" + sid, null)) {
                assertThat(ws.responseHead).startsWith("HTTP/1.1 400");
                assertThat(ws.readBody()).isEqualTo(UNKNOWN);
            }
        }
        assertThat(send(other.port(), "POST", sid, cookie, "4still mine").body()).isEqualTo("ok");
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> listener.messages.contains(new EnginePacket.Message("still mine")));
        assertThat(listener.messages).doesNotContain(new EnginePacket.Message("stolen"));
        assertThat(ownerEngine.session(sid).isOpen()).isTrue();
    }

    @Test
    void aWrongCookieIsRefusedBeforeTheClientShowedItsOwnAndLocksNothing() throws Exception {
        String sid = sidOf(send(owner.port(), "GET", "", null, null, null));

        assertThat(send(owner.port(), "POST", sid, "skysocket-sid-" + sid + "=guess", "4stolen").body())
                .isEqualTo(UNKNOWN);
        assertThat(send(owner.port(), "POST", sid, null, "4cookieless").body()).isEqualTo("ok");
    }

    @Test
    void overHttpsEveryCookieIsSameSiteNoneAndSecureAndOverHttpLax() throws Exception {
        HttpResponse<String> secure = send(owner.port(), "GET", "", null, null, "https");
        assertThat(secure.headers().allValues("set-cookie")).hasSize(2)
                .allSatisfy(c -> assertThat(c).contains("; Secure").contains("SameSite=None"));
        String sid = sidOf(secure);
        ownerEngine.session(sid).send("4queued");
        HttpResponse<String> forwarded = send(other.port(), "GET", "&sid=" + sid, null, null, "https");
        assertThat(forwarded.body()).isEqualTo("4queued");
        assertThat(forwarded.headers().allValues("set-cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("; Secure").contains("SameSite=None"));
        try (RawSocket ws = RawSocket.open(owner.port(), "/socket.io/?EIO=4&transport=websocket", null, HTTPS)) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 101")
                    .containsIgnoringCase("set-cookie: skysocket-node=node-owner; Path=/; HttpOnly; Secure;"
                            + " SameSite=None");
        }

        HttpResponse<String> plain = send(owner.port(), "GET", "", null, null, null);
        assertThat(plain.headers().allValues("set-cookie")).hasSize(2)
                .allSatisfy(c -> assertThat(c).contains("SameSite=Lax").doesNotContain("Secure"));
    }

    @Test
    void aWebsocketWithAnUnknownSidGetsEngineIosSessionIdUnknownOnEitherNode() throws Exception {
        for (int port : List.of(owner.port(), other.port())) {
            try (RawSocket ws = RawSocket.open(port,
                    "/socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA", null)) {
                assertThat(ws.responseHead).startsWith("HTTP/1.1 400").containsIgnoringCase("application/json");
                assertThat(ws.readBody()).isEqualTo(UNKNOWN);
            }
        }
        assertThat(ownerEngine.sessionCount()).isZero();
    }
}
