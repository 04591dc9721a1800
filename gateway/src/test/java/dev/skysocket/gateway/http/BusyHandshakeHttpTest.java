package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.gateway.engine.WorkerLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With its one worker stuck on the store and one session waiting behind it, the node refuses further handshakes
 * on both transports with Engine.IO's JSON error and 503, answers them at once instead of queueing them, and takes
 * handshakes again once the worker is free.
 */
class BusyHandshakeHttpTest {
    private final CountDownLatch storeAnswers = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();
    private final RecordingListener listener = new RecordingListener() {
        @Override
        public void onOpen(EngineSession session) {
            entered.incrementAndGet();
            try {
                storeAnswers.await(30, TimeUnit.SECONDS); // as a store call stuck on a saturated store
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            opened.add(session);
        }
    };
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()).withWorkers(new WorkerLimits(1, 1)),
                listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine).start();
    }

    @AfterEach
    void stop() {
        storeAnswers.countDown();
        server.close();
        engine.close();
    }

    private CompletableFuture<HttpResponse<String>> handshake() {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/socket.io/?EIO=4&transport=polling")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void handshakesAreRefusedWith503WhileTheWorkersAreBackedUpAndTakenAfterwards() throws Exception {
        CompletableFuture<HttpResponse<String>> first = handshake();
        await().atMost(Duration.ofSeconds(10)).until(() -> entered.get() == 1);
        CompletableFuture<HttpResponse<String>> second = handshake(); // waits in the queue: now it is full
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.sessionCount() == 2);

        HttpResponse<String> refused = handshake().get(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"code\":3,\"message\":\"Server busy\"}");
        try (RawSocket ws = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket", null)) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 503");
        }
        assertThat(first).isNotDone();

        storeAnswers.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> later = handshake().get(10, TimeUnit.SECONDS);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).startsWith("0{\"sid\":");
        assertThat(listener.opened).hasSize(3);
    }
}
