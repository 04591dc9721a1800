package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The idle connection-hour of the capacity report, on a simulated clock with the sweep's passes. */
class IdleHourTest {

    @Test
    void withTheDefaultsAnIdleConnectionStaysOpenAndCostsAtMostThirteenBilledMessagesAnHour() {
        IdleHour.Result r = IdleHour.simulate("defaults", "defaults", Map.of());

        assertThat(r.stillOpen()).isTrue();
        assertThat(r.longestSilenceMs()).isLessThan(600_000);
        assertThat(r.frames()).isLessThanOrEqualTo(13);
        assertThat(r.framesIn()).isEqualTo(r.framesOut());  // every ping answered
        assertThat(r.passes()).isGreaterThan(r.sweeps());   // some invocations passed more than once
        assertThat(r.passes()).isLessThan(r.busyPasses());  // and most returned after one look-ahead
        // The sweep-runs item: one write per run (1 unit), counted per stack, apart from the connection's units.
        assertThat(r.stackWru()).isBetween(0.9 * r.sweeps(), r.sweeps());
    }

    @Test
    void onePassPerInvocationNeedsTheShorterPingIntervalAndCostsMore() {
        IdleHour.Result r = IdleHour.simulate("onepass", "one pass", Map.of(
                "skysocket.ping-interval-ms", "540000", "skysocket.sweep-pass-period-ms", "60000"), 1);

        assertThat(r.stillOpen()).isTrue();
        assertThat(r.frames()).isGreaterThan(13);
        assertThat(r.passes()).isCloseTo(r.sweeps(), within(1e-9));
        assertThat(r.sleptSeconds()).isZero();
    }

    @Test
    void aPingIntervalPastApiGatewaysIdleCloseIsReportedAsClosed() {
        IdleHour.Result r = IdleHour.simulate("late", "late", Map.of("skysocket.ping-interval-ms", "630000"));

        assertThat(r.longestSilenceMs()).isGreaterThanOrEqualTo(600_000);
        assertThat(r.stillOpen()).isFalse();
    }
}
