package dev.skysocket.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which events a process writes when it counts one in a weight. */
class SampleScheduleTest {

    @Test
    void oneProcessWritesEveryWeightthEventOfAKeyFromARandomStart() {
        SampleSchedule schedule = new SampleSchedule(20, Draw.seeded(3));
        int first = -1;
        int written = 0;
        for (int i = 0; i < 200; i++) {
            if (schedule.writes("a")) {
                written++;
                if (first < 0) {
                    first = i;
                } else {
                    assertThat((i - first) % 20).as("event " + i).isZero();
                }
            }
        }
        assertThat(written).isEqualTo(10);
        assertThat(first).isBetween(0, 19);
    }

    @Test
    void eachEventIsWrittenWithProbabilityOneInTheWeightWhereverTheCycleStarts() {
        Draw draw = Draw.seeded(4);
        int written = 0;
        for (int process = 0; process < 20_000; process++) {
            if (new SampleSchedule(20, draw).writes("a")) {
                written++;
            }
        }
        // Expected 1,000; one standard deviation is 31.
        assertThat(written).isBetween(850, 1_150);
    }

    @Test
    void keysHaveTheirOwnCycleAndWeightOneWritesEverything() {
        SampleSchedule schedule = new SampleSchedule(2, bound -> 0);
        assertThat(schedule.writes("a")).isTrue();
        assertThat(schedule.writes("b")).isTrue();
        assertThat(schedule.writes("a")).isFalse();
        assertThat(schedule.writes("a")).isTrue();
        SampleSchedule every = new SampleSchedule(1, bound -> {
            throw new AssertionError("no draw at weight 1");
        });
        assertThat(every.writes("a")).isTrue();
        assertThat(every.writes("a")).isTrue();
    }
}
