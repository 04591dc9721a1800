package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the suite reads a deployment from {@code -Dskysocket.it.*}: the stage is the URL's path. */
class RemoteStackTest {
    @Test
    void theStageOfTheWebsocketUrlBecomesTheClientPath() {
        RemoteStack stack = RemoteStack.from(Map.of(
                RemoteStack.WSS_URL, "wss://abc123.execute-api.eu-west-1.amazonaws.com/prod/",
                RemoteStack.FALLBACK_URL, "https://gateway.example.test/",
                RemoteStack.ADMIN_TOKEN, "0123456789abcdef")::get).orElseThrow();

        assertThat(stack.websocketUrl()).isEqualTo("wss://abc123.execute-api.eu-west-1.amazonaws.com");
        assertThat(stack.path()).isEqualTo("/prod");
        assertThat(stack.fallbackUrl()).isEqualTo("https://gateway.example.test");
        assertThat(stack.adminToken()).isEqualTo("0123456789abcdef");
    }

    @Test
    void withoutAWebsocketUrlTheLocalStackIsUsedAndTheOptionalPartsStayUnset() {
        assertThat(RemoteStack.from(Map.<String, String>of()::get)).isEmpty();
        RemoteStack bare = RemoteStack.from(Map.of(RemoteStack.WSS_URL, "ws://127.0.0.1:4000/dev")::get)
                .orElseThrow();
        assertThat(bare.fallbackUrl()).isNull();
        assertThat(bare.adminToken()).isNull();
    }

    @Test
    void aUrlWithoutStageOrWithAnHttpSchemeIsRefused() {
        assertThatThrownBy(() -> RemoteStack.from(Map.of(RemoteStack.WSS_URL, "wss://abc.example.test")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> RemoteStack.from(Map.of(RemoteStack.WSS_URL, "https://abc.example.test/prod")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wss://");
    }
}
