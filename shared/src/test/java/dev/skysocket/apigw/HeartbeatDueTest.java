package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ping falls due one sweep pass early: the passes, not the schedule, are the heartbeat's granularity. */
class HeartbeatDueTest {

    @Test
    void withTheDefaultsAPingFallsDueOnePassBeforeThePingInterval() {
        SkysocketConfig config = SkysocketConfig.defaults();
        assertThat(Heartbeat.firstPingDue(config, 1_000_000)).isEqualTo(1_000_000 + 570_000 - 15_000);
        assertThat(Heartbeat.nextPingDue(config, 2_000_000)).isEqualTo(2_000_000 + 570_000 - 15_000);
    }

    @Test
    void withOnePassPerInvocationAPingFallsDueOneSweepPeriodEarly() {
        SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of("skysocket.ping-interval-ms", "540000",
                "skysocket.sweep-pass-period-ms", "60000")));
        assertThat(Heartbeat.firstPingDue(config, 0)).isEqualTo(480_000);
        assertThat(Heartbeat.nextPingDue(config, 0)).isEqualTo(480_000);
    }

    @Test
    void thePongDeadlineFollowsThePingByThePingTimeout() {
        assertThat(Heartbeat.pongDeadline(SkysocketConfig.defaults(), 10_000)).isEqualTo(70_000);
    }
}
