package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.gateway.node.DrainController;
import dev.skysocket.gateway.node.DrainReport;
import dev.skysocket.gateway.node.DrainSettings;
import dev.skysocket.gateway.node.Readiness;
import dev.skysocket.gateway.node.SessionDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /health and the refusal of new sessions while a node drains, over real HTTP. */
class HealthAndDrainHttpTest {
    private final RecordingListener listener = new RecordingListener();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Readiness readiness = new Readiness();
    private final SessionDirectory directory = new SessionDirectory();
    private EngineServer engine;
    private EngineHttpServer server;
    private DrainController drain;

    @BeforeEach
    void start() {
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()).withAdmission(readiness), listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine, readiness).start();
        drain = new DrainController(readiness, directory, new DrainSettings(500, 2_000));
    }

    @AfterEach
    void stop() {
        drain.close();
        server.close();
        engine.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Handshake; returns {sid, session cookie}. */
    private String[] handshake() throws Exception {
        HttpResponse<String> response = send("GET", "/socket.io/?EIO=4&transport=polling", null);
        assertThat(response.statusCode()).isEqualTo(200);
        String sid = response.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
        String cookie = response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("skysocket-sid-" + sid + "=")).findFirst().orElseThrow();
        return new String[] {sid, cookie.substring(0, cookie.indexOf(';'))};
    }

    @Test
    void healthIsOkUntilTheNodeDrainsThenServiceUnavailable() throws Exception {
        HttpResponse<String> ready = send("GET", "/health", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(ready.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(send("HEAD", "/health", null).statusCode()).isEqualTo(200);

        drain.drain();

        HttpResponse<String> draining = send("GET", "/health", null);
        assertThat(draining.statusCode()).isEqualTo(503);
        assertThat(draining.body()).isEqualTo("{\"status\":\"draining\"}");
        assertThat(send("HEAD", "/health", null).statusCode()).isEqualTo(503);
    }

    @Test
    void healthAnswersOnlyGetAndHead() throws Exception {
        HttpResponse<String> post = send("POST", "/health", null);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
        assertThat(send("GET", "/health/extra", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aDrainingNodeRefusesNewSessionsOnBothTransports() throws Exception {
        drain.drain();

        HttpResponse<String> polling = send("GET", "/socket.io/?EIO=4&transport=polling", null);
        assertThat(polling.statusCode()).isEqualTo(503);
        assertThat(polling.body()).isEqualTo("{\"code\":4,\"message\":\"Server is draining\"}");
        try (RawSocket ws = RawSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket", null)) {
            assertThat(ws.responseHead).startsWith("HTTP/1.1 503");
        }
        assertThat(listener.opened).isEmpty();
    }

    @Test
    void theDrainClosesAnExistingSessionsTransportSoTheClientReconnectsElsewhere() throws Exception {
        String[] s = handshake();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.opened.size() == 1);
        EngineSession session = listener.opened.get(0);
        directory.register(session, System.currentTimeMillis());
        String query = "/socket.io/?EIO=4&transport=polling&sid=" + s[0];

        DrainReport report = drain.drain().get(10, TimeUnit.SECONDS);

        assertThat(report.closed()).isEqualTo(1);
        assertThat(session.isOpen()).isFalse();
        HttpResponse<String> poll = send("GET", query, s[1]);
        assertThat(poll.statusCode()).isEqualTo(200);
        assertThat(poll.body()).isEqualTo("1"); // Engine.IO close, not Socket.IO's 41 DISCONNECT
    }
}
