package dev.skysocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code skysocket.connect-timeout-ms}: how long a connection may stay without a namespace. */
class ConnectTimeoutSettingTest {

    @Test
    void theDefaultIsSocketIosFortyFiveSeconds() {
        assertThat(SkysocketConfig.defaults().connectTimeoutMs()).isEqualTo(45_000);
    }

    @Test
    void theSettingIsReadFromItsNameAndMayBeShort() {
        SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of("skysocket.connect-timeout-ms", "1000")));
        assertThat(config.connectTimeoutMs()).isEqualTo(1_000);
    }

    @Test
    void zeroIsRefused() {
        assertThatThrownBy(() -> SkysocketConfig.from(Settings.of(Map.of("skysocket.connect-timeout-ms", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect timeout");
    }
}
