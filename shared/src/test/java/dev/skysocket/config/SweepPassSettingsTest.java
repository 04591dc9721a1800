package dev.skysocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.protocol.CodecLimits;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code skysocket.sweep-pass-period-ms}: the heartbeat's passes inside one scheduled invocation. */
class SweepPassSettingsTest {

    @Test
    void theDefaultsPassEveryFifteenSecondsInsideAOneMinuteScheduleAndPingEvery570Seconds() {
        SkysocketConfig config = SkysocketConfig.defaults();
        assertThat(config.sweepPeriodMs()).isEqualTo(60_000);
        assertThat(config.sweepPassPeriodMs()).isEqualTo(15_000);
        assertThat(config.pingIntervalMs()).isEqualTo(570_000);
    }

    @Test
    void theSettingIsReadFromItsName() {
        SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of("skysocket.sweep-pass-period-ms", "20000")));
        assertThat(config.sweepPassPeriodMs()).isEqualTo(20_000);
    }

    @Test
    void aPassPeriodEqualToTheSweepPeriodMeansOnePassPerInvocation() {
        SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of("skysocket.sweep-pass-period-ms", "60000")));
        assertThat(config.sweepPassPeriodMs()).isEqualTo(config.sweepPeriodMs());
    }

    @Test
    void aSweepPeriodFifteenSecondsDoNotDivideKeepsOnePassByDefault() {
        SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of("skysocket.sweep-period-ms", "5000",
                "skysocket.ping-interval-ms", "25000")));
        assertThat(config.sweepPassPeriodMs()).isEqualTo(5_000);
    }

    @Test
    void theConstructorWithoutAPassPeriodMakesOnePassPerSweep() {
        SkysocketConfig d = SkysocketConfig.defaults();
        SkysocketConfig config = new SkysocketConfig(1000, 1000, d.maxPayload(), 500, d.maxConnectionAgeMs(),
                "t", Set.of(), "default", 1, 1, CodecLimits.DEFAULT);
        assertThat(config.sweepPassPeriodMs()).isEqualTo(500);
    }

    @Test
    void aPassPeriodOfZeroIsRefused() {
        assertThatThrownBy(() -> SkysocketConfig.from(Settings.of(Map.of("skysocket.sweep-pass-period-ms", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass period");
    }

    @Test
    void aPassPeriodLongerThanTheSweepPeriodIsRefused() {
        assertThatThrownBy(() -> SkysocketConfig.from(Settings.of(Map.of(
                "skysocket.sweep-pass-period-ms", "120000"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass period");
    }

    @Test
    void aPassPeriodThatDoesNotDivideTheSweepPeriodIsRefused() {
        assertThatThrownBy(() -> SkysocketConfig.from(Settings.of(Map.of(
                "skysocket.sweep-pass-period-ms", "25000"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("divide");
    }

    @Test
    void aPingIntervalUnderAMinuteBringsTheDefaultSweepPeriodDownToIt() {
        SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of("skysocket.ping-interval-ms", "300",
                "skysocket.ping-timeout-ms", "200")));
        assertThat(config.sweepPeriodMs()).isEqualTo(300);
        assertThat(config.sweepPassPeriodMs()).isEqualTo(300);
    }
}
