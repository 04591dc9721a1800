package dev.skysocket.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The process's own buckets in front of a shared count the test scripts. */
class ProcessConnectionRateTest {
    private final List<String> sharedCalls = new ArrayList<>();
    private RateVerdict sharedSays = RateVerdict.ADMIT;
    private final ConnectionRate shared = (connectionId, nowMs) -> {
        sharedCalls.add(connectionId);
        return sharedSays;
    };

    @Test
    void pastTheBurstThisProcessClosesWithoutAskingTheSharedCountAndThenDropsForFree() {
        ProcessConnectionRate rate = new ProcessConnectionRate(3, 1, shared);
        List<RateVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            verdicts.add(rate.count("c", 1_000));
        }
        assertThat(verdicts).containsExactly(RateVerdict.ADMIT, RateVerdict.ADMIT, RateVerdict.ADMIT,
                RateVerdict.CLOSE, RateVerdict.DROP, RateVerdict.DROP);
        assertThat(sharedCalls).hasSize(3);
        assertThat(rate.count("other", 1_000)).as("another connection").isEqualTo(RateVerdict.ADMIT);
    }

    @Test
    void whatTheSharedCountRefusesIsDroppedHereAfterwards() {
        ProcessConnectionRate rate = new ProcessConnectionRate(100, 100, shared);
        sharedSays = RateVerdict.CLOSE;
        assertThat(rate.count("c", 1_000)).isEqualTo(RateVerdict.CLOSE);
        sharedSays = RateVerdict.ADMIT;
        assertThat(rate.count("c", 1_000)).isEqualTo(RateVerdict.DROP);
        assertThat(sharedCalls).hasSize(1);
    }

    @Test
    void theBucketRefillsWithTheClockItIsGiven() {
        ProcessConnectionRate rate = new ProcessConnectionRate(1, 10, shared);
        assertThat(rate.count("c", 1_000)).isEqualTo(RateVerdict.ADMIT);
        assertThat(rate.count("c", 1_100)).isEqualTo(RateVerdict.ADMIT);
        assertThat(rate.count("c", 1_150)).isEqualTo(RateVerdict.CLOSE);
    }
}
