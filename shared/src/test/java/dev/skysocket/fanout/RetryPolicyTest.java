package dev.skysocket.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void theCeilingDoublesFromTheBaseUntilTheCap() {
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(25));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.ceiling(6)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.ceiling(7)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.ceiling(1_000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        RandomGenerator lowest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };

        assertThat(policy.backoff(3, lowest)).isEqualTo(Duration.ZERO);
        assertThat(policy.backoff(3, new AlwaysHighest())).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void realJitterStaysWithinTheCeiling() {
        RandomGenerator random = new java.util.Random(7);
        for (int retry = 1; retry <= 10; retry++) {
            for (int i = 0; i < 100; i++) {
                assertThat(policy.backoff(retry, random)).isBetween(Duration.ZERO, policy.ceiling(retry));
            }
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
