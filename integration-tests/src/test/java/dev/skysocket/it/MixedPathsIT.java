package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One room, two paths: a client on the API Gateway emulator (Lambda code path) and a polling client on the
 * fallback gateway share the DynamoDB table, so a room's fan-out reaches each through its own Management API.
 * The gateway client is also the stock one without {@code withCredentials}: under Node it keeps no cookies.
 */
@Timeout(120)
class MixedPathsIT {
    private static TestStack.Target target;

    @BeforeAll
    static void startStack() {
        target = TestStack.target();
    }

    @AfterAll
    static void stopStack() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aRoomSpansAnApiGatewayClientAndAPollingGatewayClient() {
        JsonNode seen = NodeScenario.of("mixed.mjs", target.websocketUrl(), target.path(),
                target.requireGatewayUrl()).run().succeeded();

        assertThat(seen.path("transports").path("a").asText()).isEqualTo("websocket");
        assertThat(seen.path("transports").path("b").asText()).isEqualTo("polling");
        JsonNode heard = seen.path("heard");
        assertThat(heard.path("a")).as("the API Gateway client hears the gateway client").hasSize(1);
        assertThat(heard.path("a").get(0).get(0).path("msg").asText()).isEqualTo("from the gateway");
        assertThat(heard.path("a").get(0).get(0).path("from").asText()).isEqualTo(seen.path("ids").path("b").asText());
        assertThat(heard.path("b")).as("the gateway client hears the API Gateway client").hasSize(1);
        assertThat(heard.path("b").get(0).get(0).path("msg").asText()).isEqualTo("from api gateway");
        assertThat(heard.path("b").get(0).get(0).path("from").asText()).isEqualTo(seen.path("ids").path("a").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "polling"})
    void aStockClientThatKeepsNoCookiesChatsWithAnApiGatewayClient(String setup) {
        JsonNode seen = NodeScenario.of("cookieless.mjs", target.websocketUrl(), target.path(),
                target.requireGatewayUrl(), setup).run().succeeded();

        assertThat(seen.path("transport").asText()).isEqualTo(setup.equals("default") ? "websocket" : "polling");
        assertThat(seen.path("sameEngine").asBoolean()).as("one session throughout").isTrue();
        assertThat(seen.path("disconnects")).as("disconnects").isEmpty();
        assertThat(seen.path("errors")).as("connect errors").isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(seen.path("echoes").get(i).get(0).asText()).isEqualTo("hello " + i);
            assertThat(seen.path("echoes").get(i).get(1).asInt()).isEqualTo(i);
        }
        JsonNode heard = seen.path("heard");
        assertThat(heard.path("a")).as("the API Gateway client hears the gateway client").hasSize(1);
        assertThat(heard.path("a").get(0).path("msg").asText()).isEqualTo("from the gateway");
        assertThat(heard.path("a").get(0).path("from").asText()).isEqualTo(seen.path("ids").path("b").asText());
        assertThat(heard.path("b")).as("the gateway client hears the API Gateway client").hasSize(1);
        assertThat(heard.path("b").get(0).path("msg").asText()).isEqualTo("from api gateway");
    }

    @Test
    void aWebsocketNamingASessionIdNoServerKnowsIsRefusedWith400OnBothPaths() throws Exception {
        String gateway = target.requireGatewayUrl().replaceFirst("^http", "ws");
        List<String> urls = List.of(target.websocketUrl() + target.path(), gateway + "/socket.io/");
        for (String url : urls) {
            URI uri = URI.create(url + "?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA");
            assertThat(upgradeStatus(uri)).as(uri.toString()).isEqualTo(400);
        }
    }

    /** The status of a refused upgrade; 101 when it was accepted. */
    private static int upgradeStatus(URI uri) throws Exception {
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new WebSocket.Listener() { })
                    .get(30, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
