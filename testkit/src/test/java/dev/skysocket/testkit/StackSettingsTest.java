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

    @Test
    void systemPropertiesAreSetOnlyWhileTheStartRunsAndThenPutBack() {
        System.setProperty("testkit.kept", "before");
        try {
            StackSettings settings = StackSettings.of(new String[] {"testkit.kept=during", "testkit.added=new"});

            String seen = settings.asSystemProperties(
                    () -> System.getProperty("testkit.kept") + "/" + System.getProperty("testkit.added"));

            assertThat(seen).isEqualTo("during/new");
            assertThat(System.getProperty("testkit.kept")).isEqualTo("before");
            assertThat(System.getProperty("testkit.added")).isNull();
        } finally {
            System.clearProperty("testkit.kept");
        }
    }

    @Test
    void systemPropertiesArePutBackWhenTheStartFails() {
        StackSettings settings = StackSettings.of(new String[] {"testkit.failing=yes"});

        assertThatThrownBy(() -> settings.asSystemProperties(() -> {
            throw new IllegalStateException("no app");
        })).hasMessage("no app");
        assertThat(System.getProperty("testkit.failing")).isNull();
    }
}
