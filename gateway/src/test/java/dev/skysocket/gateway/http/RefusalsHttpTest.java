package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Engine.IO refusal over HTTP: the reference server's status, {@code {"code":n,"message":"..."}} as JSON,
 * and one log line that names the reason but nothing the client wrote.
 */
class RefusalsHttpTest {
    private final RecordingListener listener = new RecordingListener();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger refusals = Logger.getLogger(Refusals.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        refusals.addHandler(capture);
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0), engine).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
        refusals.removeHandler(capture);
    }

    private HttpResponse<String> send(String method, String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/socket.io/?"
                        + query)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1} -> {2} code {3}")
    @CsvSource(delimiter = ';', value = {
            "GET; EIO=4&transport=flash<script>; 400; 0; Transport unknown",
            "GET; EIO=4&transport=__proto__; 400; 0; Transport unknown",
            "GET; EIO=4&transport=polling&sid=NOSUCHSESSIONSECRET; 400; 1; Session ID unknown",
            "POST; EIO=4&transport=polling; 400; 2; Bad handshake method",
            "GET; EIO=4&transport=websocket; 400; 3; Bad request",
            "GET; EIO=3&transport=polling; 400; 5; Unsupported protocol version",
            "GET; transport=polling; 400; 5; Unsupported protocol version"})
    void aRefusedRequestGetsTheReferenceStatusAndJsonAndOneLogLineWithoutWhatTheClientWrote(String method,
            String query, int status, int code, String message) throws Exception {
        HttpResponse<String> refused = send(method, query.replace("<script>", "%3Cscript%3E"), "4secret-body");

        assertThat(refused.statusCode()).isEqualTo(status);
        assertThat(refused.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(refused.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
        assertThat(logged).singleElement().satisfies(line -> {
            assertThat(line).startsWith("event=engine_refused reason=").contains(" code=" + code + " ",
                    " status=" + status + " ", " method=" + method + " ");
            assertThat(line).doesNotContain("secret-body", "script", "NOSUCHSESSION", "%zz");
        });
    }

    @Test
    void aBrokenEscapeGets400Code3AndTheLogLineLeavesTheQueryOut() throws Exception {
        assertThat(RawHttp.statusOf(server.port(), "GET /socket.io/?EIO=4&transport=polling&t=%zz HTTP/1.1\r\nHost: x"))
                .startsWith("HTTP/1.1 400");
        assertThat(logged).singleElement().asString().contains("reason=bad_query_escape", "code=3")
                .doesNotContain("%zz");
    }

    @Test
    void aHandshakeTheAppRefusesGets403Code4() throws Exception {
        listener.refuse = true;
        HttpResponse<String> refused = send("GET", "EIO=4&transport=polling", "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
        assertThat(logged).singleElement().asString().contains("reason=forbidden", "code=4", "status=403");
    }

    @Test
    void aPollingRequestWithAnotherMethodIsRefusedWithCode3() throws Exception {
        HttpResponse<String> open = send("GET", "EIO=4&transport=polling", "");
        String sid = open.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
        HttpResponse<String> refused = send("PUT", "EIO=4&transport=polling&sid=" + sid, "4x");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
        assertThat(logged).singleElement().asString().contains("reason=polling_method");
    }
}
