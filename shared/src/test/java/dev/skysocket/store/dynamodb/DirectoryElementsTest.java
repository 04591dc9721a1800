package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A directory element's expiry decides whether its endpoint is listed; anything not of our making counts as live. */
class DirectoryElementsTest {
    /** On the hour: 500,000 hours. */
    private static final long NOW = 1_800_000_000L;
    private static final long HOUR = DirectoryElements.ROUNDING_SECONDS;

    @Test
    void anElementIsListedUntilItsExpiryAndDeletableOnlyAfterTheGrace() {
        DirectoryElements.Split split = DirectoryElements.split(List.of(
                (NOW + 1) + " http://10.0.0.1:3002",
                NOW + " http://10.0.0.2:3002",
                (NOW - DirectoryElements.DELETE_GRACE_SECONDS) + " http://10.0.0.3:3002"), NOW);

        assertThat(split.live()).containsExactly("http://10.0.0.1:3002");
        assertThat(split.deletable())
                .containsExactly((NOW - DirectoryElements.DELETE_GRACE_SECONDS) + " http://10.0.0.3:3002");
    }

    @Test
    void expiriesAreRoundedUpToTheHourSoOneEndpointsRegistrationsShareElements() {
        assertThat(DirectoryElements.of("https://api.example/dev", NOW + 1))
                .isEqualTo(DirectoryElements.of("https://api.example/dev", NOW + HOUR - 1))
                .isEqualTo((NOW + HOUR) + " https://api.example/dev");
        assertThat(DirectoryElements.of("https://api.example/dev", NOW)).isEqualTo(NOW + " https://api.example/dev");
    }

    @Test
    void anEndpointWithOneLiveRegistrationIsListedOnceBesideItsExpiredOnes() {
        DirectoryElements.Split split = DirectoryElements.split(List.of(
                (NOW - 2 * HOUR) + " https://api.example/dev", (NOW + HOUR) + " https://api.example/dev",
                (NOW + 2 * HOUR) + " https://api.example/dev"), NOW);

        assertThat(split.live()).containsExactly("https://api.example/dev");
        assertThat(split.deletable()).containsExactly((NOW - 2 * HOUR) + " https://api.example/dev");
    }

    /** Hostile or foreign elements: listed as they are, never deleted, never an exception. */
    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:3002", "", " ", " http://x", "12a http://x", "-5 http://x",
            "99999999999999999999 http://x", "1234567890123456789 http://x", "0x10 http://x", "１２ http://x",
            "12\thttp://x", "\u0000 http://x"})
    void anElementWithoutOurExpiryCountsAsLiveAsItIs(String element) {
        DirectoryElements.Split split = DirectoryElements.split(List.of(element), NOW);

        assertThat(split.live()).containsExactly(element);
        assertThat(split.deletable()).isEmpty();
    }

    @Test
    void anExpiryOfEighteenDigitsIsReadAndTheRestOfTheElementIsTheEndpoint() {
        assertThat(DirectoryElements.split(List.of("100000000000000000 http://x y"), NOW).live())
                .containsExactly("http://x y");
        assertThat(DirectoryElements.split(List.of("0 http://x"), NOW).deletable()).containsExactly("0 http://x");
    }
}
