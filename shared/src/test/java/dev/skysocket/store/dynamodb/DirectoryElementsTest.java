package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A directory element's expiry decides whether its endpoint is listed; anything not of our making counts as live. */
class DirectoryElementsTest {
    private static final long NOW = 1_800_000_000L;

    @Test
    void anElementListsItsEndpointUntilItsExpiry() {
        String live = DirectoryElements.of("http://10.0.0.1:3002", NOW + 1);
        String expired = DirectoryElements.of("http://10.0.0.2:3002", NOW);

        DirectoryElements.Split split = DirectoryElements.split(List.of(live, expired), NOW);

        assertThat(split.live()).containsExactly("http://10.0.0.1:3002");
        assertThat(split.expired()).containsExactly(expired);
    }

    @Test
    void anEndpointWithOneLiveRegistrationIsListedOnceBesideItsExpiredOnes() {
        DirectoryElements.Split split = DirectoryElements.split(List.of(
                DirectoryElements.of("https://api.example/dev", NOW - 10),
                DirectoryElements.of("https://api.example/dev", NOW + 10)), NOW);

        assertThat(split.live()).containsExactly("https://api.example/dev");
        assertThat(split.expired()).containsExactly(DirectoryElements.of("https://api.example/dev", NOW - 10));
    }

    /** Hostile or foreign elements: listed as they are, never dropped, never an exception. */
    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1:3002", "", " ", " http://x", "12a http://x", "-5 http://x",
            "99999999999999999999 http://x", "1234567890123456789 http://x", "0x10 http://x", "１２ http://x",
            "12\thttp://x", "\u0000 http://x"})
    void anElementWithoutOurExpiryCountsAsLiveAsItIs(String element) {
        DirectoryElements.Split split = DirectoryElements.split(List.of(element), NOW);

        assertThat(split.live()).containsExactly(element);
        assertThat(split.expired()).isEmpty();
    }

    @Test
    void anExpiryOfEighteenDigitsIsReadAndTheRestOfTheElementIsTheEndpoint() {
        String element = "100000000000000000 http://x y";

        assertThat(DirectoryElements.split(List.of(element), NOW).live()).containsExactly("http://x y");
        assertThat(DirectoryElements.split(List.of("0 http://x"), NOW).expired()).containsExactly("0 http://x");
    }
}
