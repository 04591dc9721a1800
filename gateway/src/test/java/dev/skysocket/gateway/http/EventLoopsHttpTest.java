package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.protocol.engineio.EnginePacket;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The public port served by several event loops: connections spread over them and sessions work across them. */
class EventLoopsHttpTest {

    /** A fresh client per request: a fresh TCP connection, so each one is accepted anew. */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void connectionsToOnePortAreServedByEveryEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Listeners listeners = Listeners.start(vertx, new HttpServerOptions().setHost("127.0.0.1").setPort(-1),
                    request -> {
                        threads.add(Thread.currentThread().getName());
                        request.response().end("ok");
                    }, 2, new HeaderDeadline(HeaderDeadline.DEFAULT_MS));
            assertThat(listeners.count()).isEqualTo(2);
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + listeners.port() + "/")).build());
                assertThat(response.body()).isEqualTo("ok");
            }
            assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("vert.x-eventloop-thread-"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void portZeroGivesAllEventLoopsOneFreePort() {
        assertThat(EngineHttpServer.sharedPort(EngineHttpSettings.defaults().withPort(0))).isNegative();
        assertThat(EngineHttpServer.sharedPort(EngineHttpSettings.defaults().withPort(3000))).isEqualTo(3000);
    }

    @Test
    void aNegativeNumberOfEventLoopsIsRefused() {
        assertThatThrownBy(() -> EngineHttpSettings.defaults().withEventLoops(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventLoops");
    }

    @Test
    void aPollHeldOnOneConnectionIsAnsweredByAPostOnAnother() throws Exception {
        RecordingListener listener = new RecordingListener() {
            @Override
            public void onMessage(EngineSession session, EnginePacket message) {
                super.onMessage(session, message);
                session.send("4echo");
            }
        };
        EngineServer engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), listener);
        EngineHttpServer server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0).withEventLoops(2),
                engine).start();
        try {
            String base = "http://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=polling";
            HttpResponse<String> open = send(HttpRequest.newBuilder(URI.create(base)).build());
            String sid = open.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
            String cookie = open.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith("skysocket-sid-" + sid + "=")).findFirst().orElseThrow();
            HttpRequest.Builder poll = HttpRequest.newBuilder(URI.create(base + "&sid=" + sid))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).timeout(Duration.ofSeconds(20));
            // Connections take the listeners in turn, so the GET and the POST sit on different event loops. The
            // GET is usually held by the time the posted message's echo is sent; if not, it finds the echo queued
            // on arrival instead: the same answer, so the test holds either way.
            CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient()
                    .sendAsync(poll.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listener.opened).hasSize(1);
            HttpResponse<String> posted = send(poll.POST(HttpRequest.BodyPublishers.ofString("4hi")).build());
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(held.get().body()).isEqualTo("4echo");
        } finally {
            server.close();
            engine.close();
        }
    }
}
