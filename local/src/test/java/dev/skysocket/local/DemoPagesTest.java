package dev.skysocket.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.gateway.http.StaticPage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoPagesTest {

    @Test
    void servesThePageTheBundleAndAConfigNamingTheEmulatorsUrlAndStage() throws Exception {
        Map<String, StaticPage> pages = DemoPages.load("ws://127.0.0.1:40123", "dev");

        assertThat(pages).containsOnlyKeys("/", "/demo", "/socket.io-client.js", "/demo-config.json");
        StaticPage config = pages.get("/demo-config.json");
        assertThat(config.contentType()).isEqualTo("application/json");
        JsonNode json = new ObjectMapper().readTree(config.body());
        assertThat(json.path("apiGatewayUrl").asText()).isEqualTo("ws://127.0.0.1:40123");
        assertThat(json.path("stage").asText()).isEqualTo("dev");
        assertThat(pages.get("/socket.io-client.js").contentType()).startsWith("text/javascript");
        assertThat(new String(pages.get("/").body(), StandardCharsets.UTF_8))
                .contains("/demo-config.json", "/socket.io-client.js")
                .doesNotContain("innerHTML");
    }

    @Test
    void theConfigIsJsonEvenForAStageThatNeedsEscaping() throws Exception {
        JsonNode json = new ObjectMapper().readTree(DemoPages.config("ws://127.0.0.1:3001", "a\"b"));

        assertThat(json.path("stage").asText()).isEqualTo("a\"b");
    }
}
