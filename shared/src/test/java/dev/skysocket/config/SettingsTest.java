package dev.skysocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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

    @Test
    void booleansAreTrueOrFalseInAnyCaseAndNothingElse() {
        Settings settings = Settings.of(Map.of("skysocket.a", "TRUE", "skysocket.b", "false", "skysocket.c", "yes"));
        assertThat(settings.bool("skysocket.a", false)).isTrue();
        assertThat(settings.bool("skysocket.b", true)).isFalse();
        assertThat(settings.bool("skysocket.unset", true)).isTrue();
        assertThatThrownBy(() -> settings.bool("skysocket.c", false))
                .hasMessageContaining("skysocket.c").hasMessageContaining("SKYSOCKET_C").hasMessageContaining("yes");
    }

    @Test
    void durationsAreWholeNonNegativeMilliseconds() {
        Settings settings = Settings.of(Map.of("skysocket.a-ms", "1500", "skysocket.b-ms", "-1",
                "skysocket.c-ms", "1.5s"));
        assertThat(settings.millis("skysocket.a-ms", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.millis("skysocket.unset-ms", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> settings.millis("skysocket.b-ms", Duration.ZERO)).hasMessageContaining("skysocket.b-ms");
        assertThatThrownBy(() -> settings.millis("skysocket.c-ms", Duration.ZERO)).hasMessageContaining("SKYSOCKET_C_MS");
    }
}
