package dev.skysocket.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bucket on a clock the test moves: no sleeping, every step exact. */
class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheBurstThroughAtOnceAndRefusesTheNext() {
        TokenBucket bucket = new TokenBucket(5, 1, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake(0)).as("event %d", i).isTrue();
        }
        assertThat(bucket.tryTake(0)).isFalse();
    }

    @Test
    void tokensComeBackAtTheRateAndNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(3, 10, 0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(0);
        }
        assertThat(bucket.tryTake(SECOND / 20)).as("half a token after 50 ms").isFalse();
        assertThat(bucket.tryTake(SECOND / 10)).isTrue();
        assertThat(bucket.tryTake(SECOND / 10)).isFalse();
        // An hour idle refills to the burst, not to 36,000.
        long later = 3600 * SECOND;
        int taken = 0;
        while (bucket.tryTake(later) && taken < 100) {
            taken++;
        }
        assertThat(taken).isEqualTo(3);
    }

    @Test
    void aSenderAtTheSustainedRateIsNeverRefused() {
        TokenBucket bucket = new TokenBucket(1, 100, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(bucket.tryTake(i * SECOND / 100)).as("event %d", i).isTrue();
        }
    }

    @Test
    void aClockThatStepsBackAddsNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, 10 * SECOND);
        assertThat(bucket.tryTake(10 * SECOND)).isTrue();
        assertThat(bucket.tryTake(5 * SECOND)).isFalse();
    }

    @Test
    void aBucketWithoutBurstOrRateIsRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
