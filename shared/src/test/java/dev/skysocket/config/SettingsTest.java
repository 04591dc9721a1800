package dev.skysocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void aSystemPropertyWinsOverTheEnvironmentVariableOfTheSameSetting() {
        Settings settings = new Settings(Map.of("skysocket.ping-interval-ms", "1000")::get,
                Map.of("SKYSOCKET_PING_INTERVAL_MS", "2000", "SKYSOCKET_PING_TIMEOUT_MS", "3000"));
        assertThat(settings.longValue("skysocket.ping-interval-ms", 0)).isEqualTo(1000);
        assertThat(settings.longValue("skysocket.ping-timeout-ms", 0)).isEqualTo(3000);
        assertThat(settings.longValue("skysocket.sweep-period-ms", 42)).isEqualTo(42);
    }

    @Test
    void overridesWinOverBothSources() {
        Settings settings = new Settings(Map.of("skysocket.table", "a")::get, Map.of("SKYSOCKET_STAGE", "b"))
                .with(Map.of("skysocket.table", "c", "skysocket.stage", "d"));
        assertThat(settings.string("skysocket.table", null)).isEqualTo("c");
        assertThat(settings.string("skysocket.stage", null)).isEqualTo("d");
    }

    @Test
    void aMalformedNumberFailsWithTheSettingsNames() {
        Settings settings = Settings.of(Map.of("skysocket.max-payload", "lots"));
        assertThatThrownBy(() -> SkysocketConfig.from(settings))
                .hasMessageContaining("skysocket.max-payload")
                .hasMessageContaining("SKYSOCKET_MAX_PAYLOAD");
    }

    @Test
    void aHeartbeatThatWouldOverflowTheClientsTimerIsRefused() {
        Settings settings = Settings.of(Map.of("skysocket.ping-interval-ms", "2147483000",
                "skysocket.ping-timeout-ms", "1000"));
        assertThatThrownBy(() -> SkysocketConfig.from(settings)).hasMessageContaining("2^31-1");
    }
}
