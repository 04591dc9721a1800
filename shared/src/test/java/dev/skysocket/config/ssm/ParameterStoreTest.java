package dev.skysocket.config.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skysocket.config.AppSettings;
import dev.skysocket.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** GetParametersByPath against a loopback stub speaking SSM's JSON protocol, with the real SDK signer and client. */
class ParameterStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        http.close();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void everyPageIsReadAndNamesAreRelativeToThePath() {
        URI endpoint = serve(request -> request.has("NextToken")
                ? answer(200, "{\"Parameters\":[{\"Name\":\"/chat/prod/db/url\",\"Type\":\"String\",\"Value\":\"jdbc:x\"}]}")
                : answer(200, "{\"Parameters\":[{\"Name\":\"/chat/prod/admin-token\",\"Type\":\"SecureString\","
                        + "\"Value\":\"s3cret\"},{\"Name\":\"/other/leak\",\"Value\":\"no\"}],\"NextToken\":\"page2\"}"));

        Map<String, String> values = store(endpoint).read("/chat/prod");

        assertThat(values).containsExactly(Map.entry("admin-token", "s3cret"), Map.entry("db/url", "jdbc:x"));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).path("Path").asText()).isEqualTo("/chat/prod");
        assertThat(requests.get(0).path("Recursive").asBoolean()).isTrue();
        assertThat(requests.get(0).path("WithDecryption").asBoolean()).isTrue();
        assertThat(requests.get(1).path("NextToken").asText()).isEqualTo("page2");
        assertThat(headers.get(0).get("X-amz-target")).containsExactly("AmazonSSM.GetParametersByPath");
        assertThat(headers.get(0).get("Authorization").get(0))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/ssm/aws4_request");
    }

    @Test
    void anErrorAnswerFailsNamingThePathAndTheErrorButNoValue() {
        URI endpoint = serve(request -> answer(400,
                "{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}"));

        assertThatThrownBy(() -> store(endpoint).read("/chat/prod/"))
                .isInstanceOf(ParameterStoreException.class)
                .hasMessageContaining("/chat/prod/").hasMessageContaining("400")
                .hasMessageContaining("AccessDeniedException");
    }

    @Test
    void aGarbledAnswerFailsWithTheTypedError() {
        URI endpoint = serve(request -> answer(200, "<html>proxy</html>"));

        assertThatThrownBy(() -> store(endpoint).read("/chat")).isInstanceOf(ParameterStoreException.class);
    }

    @Test
    void aPathMustBeAbsolute() {
        ParameterStore store = store(URI.create("http://127.0.0.1:9"));
        for (String bad : new String[] {"chat/prod", "", "//x", null}) {
            assertThatThrownBy(() -> store.read(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void loadedSettingsComeBeforeAppProperties() {
        URI endpoint = serve(request -> answer(200,
                "{\"Parameters\":[{\"Name\":\"/chat/admin-token\",\"Value\":\"from-store\"}]}"));
        Settings settings = Settings.of(Map.of("skysocket.app-settings-path", "/chat",
                "skysocket.ssm-endpoint", endpoint.toString(), "app.admin-token", "from-property",
                "app.greeting", "hello"));

        AppSettings app = AppSettingsLoader.load(settings, http, credentials(), "eu-west-1");

        assertThat(app.get("admin-token")).contains("from-store");
        assertThat(app.get("greeting")).contains("hello");
        assertThat(app.get("missing")).isEmpty();
        assertThat(app.loadedCount()).isEqualTo(1);
    }

    @Test
    void withoutAPathNothingIsCalled() {
        AppSettings app = AppSettingsLoader.load(Settings.of(Map.of("app.admin-token", "t")), http, credentials(),
                "eu-west-1");

        assertThat(app.get("admin-token")).contains("t");
        assertThat(requests).isEmpty();
    }

    private ParameterStore store(URI endpoint) {
        return new ParameterStore(http, credentials(), "eu-west-1", endpoint);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
    }

    private record Answer(int status, String body) {
    }

    private static Answer answer(int status, String body) {
        return new Answer(status, body);
    }

    private URI serve(Function<JsonNode, Answer> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> respond(exchange, answers));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void respond(HttpExchange exchange, Function<JsonNode, Answer> answers) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        headers.add(Map.copyOf(exchange.getRequestHeaders()));
        Answer answer = answers.apply(request);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
