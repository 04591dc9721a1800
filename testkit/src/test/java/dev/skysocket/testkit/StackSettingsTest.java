package dev.skysocket.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void theGivenPairsOverrideTheDefaults() {
        var settings = StackSettings.of(new String[] {"skysocket.stage=prod", "skysocket.admin-token = a=b"})
                .settings();

        assertThat(settings.string("skysocket.stage", null)).isEqualTo("prod");
        assertThat(settings.string("skysocket.admin-token", null)).isEqualTo("a=b");
        assertThat(settings.intValue("skysocket.apigw-port", -1)).isZero();
        assertThat(settings.intValue("skysocket.gateway-port", -1)).isZero();
        assertThat(settings.intValue("skysocket.gateway-management-port", -1)).isZero();
        assertThat(settings.intValue("skysocket.dynamodb-port", -1)).isZero();
    }

    @Test
    void aPairWithoutANameIsRefusedWithThePair() {
        assertThatThrownBy(() -> StackSettings.of(new String[] {"skysocket.stage"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"skysocket.stage\"");
        assertThatThrownBy(() -> StackSettings.of(new String[] {"=x"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
