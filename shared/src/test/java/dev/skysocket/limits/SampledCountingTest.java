package dev.skysocket.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The sampled counting's weight and thresholds. The expected thresholds were computed apart from this code, from
 * the binomial tail: the smallest multiple of the weight that a sender at the bound passes with probability at
 * most 10⁻⁹.
 */
class SampledCountingTest {

    @Test
    void smallLimitsAreCountedExactlyAndTheDefaultsOneEventInTwenty() {
        assertThat(SampledCounting.weightFor(7)).isEqualTo(1);
        assertThat(SampledCounting.weightFor(59)).isEqualTo(1);
        assertThat(SampledCounting.weightFor(60)).isEqualTo(2);
        assertThat(SampledCounting.weightFor(600)).isEqualTo(20);
        assertThat(SampledCounting.weightFor(1_000_000)).isEqualTo(20);
        assertThat(SampledCounting.threshold(7, 1)).isEqualTo(7);
    }

    @Test
    void thresholdsAreTheBinomialTailsAtOneInABillion() {
        assertThat(SampledCounting.threshold(600, 20)).isEqualTo(1_340);
        assertThat(SampledCounting.threshold(1_500, 20)).isEqualTo(2_620);
        assertThat(SampledCounting.threshold(600, 10)).isEqualTo(1_080);
        assertThat(SampledCounting.threshold(200, 5)).isEqualTo(385);
        assertThat(SampledCounting.threshold(30, 2)).isEqualTo(58);
    }

    @Test
    void aVeryLargeBoundGetsANormalMarginAboveItsExactOne() {
        long bound = 2_000_000;
        long margin = SampledCounting.threshold(bound, 20) - bound;
        // One standard deviation is sqrt(bound × 19), about 6,164; 10⁻⁹ is 6 of them.
        assertThat(margin).isBetween(6 * 6_164L, 8 * 6_164L);
    }

    @Test
    void aSenderAtTheBoundStaysUnderTheThresholdAndAFloodOfTwiceItPassesItWhereverItsEventsLand() {
        Draw draw = Draw.seeded(42);
        long threshold = SampledCounting.threshold(600, 20);
        long highest = 0;
        int floodsUnder = 0;
        for (int run = 0; run < 1_000; run++) {
            // Every event in another process (each a fresh schedule: the widest spread), or all in one.
            highest = Math.max(highest, Math.max(counted(draw, 600, true), counted(draw, 600, false)));
            if (Math.min(counted(draw, 2_800, true), counted(draw, 2_800, false)) <= threshold) {
                floodsUnder++;
            }
        }
        assertThat(highest).isLessThanOrEqualTo(threshold);
        assertThat(floodsUnder).isZero();
    }

    private static long counted(Draw draw, int events, boolean spread) {
        SampleSchedule oneProcess = new SampleSchedule(20, draw);
        long total = 0;
        for (int i = 0; i < events; i++) {
            SampleSchedule schedule = spread ? new SampleSchedule(20, draw) : oneProcess;
            if (schedule.writes("c")) {
                total += 20;
            }
        }
        return total;
    }
}
