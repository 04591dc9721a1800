package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client whose sticky cookie went missing (or names another node) is pinned back to the owner of its session,
 * whether its request reaches the owner directly or through another node that forwards it.
 */
class StickyRepinHttpTest {
    private static final String ORIGIN = "https://app.example";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Vertx privateVertx = Vertx.vertx();
    private EngineServer ownerEngine;
    private EngineServer otherEngine;
    private EngineHttpServer owner;
    private EngineHttpServer other;
    private HttpServer ownerPrivate;

    @BeforeEach
    void start() throws Exception {
        ownerEngine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), new RecordingListener());
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
        return EngineHttpSettings.defaults().withPort(0).withAllowedOrigins(Set.of(ORIGIN))
                .withStickyCookie(new StickyCookie("skysocket-node", () -> node));
    }

    private HttpResponse<String> send(int port, String method, String query, String cookies, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/socket.io/?" + query)).timeout(Duration.ofSeconds(20)).header("Origin", ORIGIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A polling handshake on the owner; returns {sid, session-secret cookie}. */
    private String[] handshake() throws Exception {
        HttpResponse<String> response = send(owner.port(), "GET", "EIO=4&transport=polling", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        String sid = response.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
        String cookie = response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("skysocket-sid-" + sid + "=")).findFirst().orElseThrow();
        return new String[] {sid, cookie.substring(0, cookie.indexOf(';'))};
    }

    private static List<String> stickyCookies(HttpResponse<String> response) {
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("skysocket-node=")).map(c -> c.substring(0, c.indexOf(';'))).toList();
    }

    @Test
    void aPollThatReachesTheOwnerWithoutTheStickyCookieGetsItBack() throws Exception {
        String[] s = handshake();
        ownerEngine.session(s[0]).send("4queued"); // so the GET is answered at once

        HttpResponse<String> poll = send(owner.port(), "GET", "EIO=4&transport=polling&sid=" + s[0], s[1], null);

        assertThat(poll.statusCode()).isEqualTo(200);
        assertThat(stickyCookies(poll)).containsExactly("skysocket-node=node-owner");
    }

    @Test
    void aPostCarryingAnotherNodesCookieIsRepinnedToTheOwner() throws Exception {
        String[] s = handshake();

        HttpResponse<String> post = send(owner.port(), "POST", "EIO=4&transport=polling&sid=" + s[0],
                s[1] + "; skysocket-node=node-gone", "4hello");

        assertThat(post.body()).isEqualTo("ok");
        assertThat(stickyCookies(post)).containsExactly("skysocket-node=node-owner");
    }

    @Test
    void aRequestAlreadyPinnedToTheOwnerGetsNoNewStickyCookie() throws Exception {
        String[] s = handshake();

        HttpResponse<String> post = send(owner.port(), "POST", "EIO=4&transport=polling&sid=" + s[0],
                s[1] + "; skysocket-node=node-owner", "4hello");

        assertThat(post.body()).isEqualTo("ok");
        assertThat(stickyCookies(post)).isEmpty();
    }

    @Test
    void anUpgradeThatReachesTheOwnerWithAnotherNodesCookieGetsTheOwnersOnIts101() throws Exception {
        String[] s = handshake();

        try (RawSocket ws = RawSocket.open(owner.port(), "/socket.io/?EIO=4&transport=websocket&sid=" + s[0],
                s[1] + "; skysocket-node=node-gone")) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 101");
            assertThat(ws.responseHead.toLowerCase()).contains("set-cookie: skysocket-node=node-owner");
        }
    }

    @Test
    void aForwardedPollLeavesTheClientWithTheOwnersCookieAndOneCorsOrigin() throws Exception {
        String[] s = handshake();
        ownerEngine.session(s[0]).send("4queued");

        HttpResponse<String> poll = send(other.port(), "GET", "EIO=4&transport=polling&sid=" + s[0],
                s[1] + "; skysocket-node=node-other", null);

        assertThat(poll.statusCode()).isEqualTo(200);
        assertThat(poll.body()).isEqualTo("4queued");
        assertThat(other.forwardedRequests()).isEqualTo(1);
        assertThat(stickyCookies(poll)).containsExactly("skysocket-node=node-owner");
        // Both hops add CORS headers; the client must see the origin once or the browser rejects the answer.
        assertThat(poll.headers().allValues("access-control-allow-origin")).containsExactly(ORIGIN);
    }

    @Test
    void aForwardedUpgradeCarriesTheOwnersStickyCookieOnThe101() throws Exception {
        String[] s = handshake();

        try (RawSocket ws = RawSocket.open(other.port(), "/socket.io/?EIO=4&transport=websocket&sid=" + s[0],
                s[1] + "; skysocket-node=node-other")) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 101");
            assertThat(ws.responseHead.toLowerCase()).contains("set-cookie: skysocket-node=node-owner")
                    .doesNotContain("skysocket-node=node-other");
            ws.sendText("2probe");
            assertThat(ws.readText()).isEqualTo("3probe");
        }
    }
}
