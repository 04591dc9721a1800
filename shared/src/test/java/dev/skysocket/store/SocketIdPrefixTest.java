package dev.skysocket.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SocketIdPrefixTest {

    @Test
    void anEndpointAlwaysGetsTheSameTwelveUrlSafeCharacters() {
        String prefix = SocketIdPrefix.of("http://10.0.0.9:3002");

        assertThat(prefix).hasSize(12).matches("[A-Za-z0-9_-]+");
        assertThat(SocketIdPrefix.of("http://10.0.0.9:3002")).isEqualTo(prefix);
        assertThat(SocketIdPrefix.of("http://10.0.0.9:3003")).isNotEqualTo(prefix);
    }

    @Test
    void noEndpointMeansNoPrefix() {
        assertThat(SocketIdPrefix.of(null)).isEmpty();
        assertThat(SocketIdPrefix.of("")).isEmpty();
    }

    @Test
    void everyIdWithAPrefixSortsBetweenThePrefixAndThePrefixFollowedByPast() {
        String prefix = SocketIdPrefix.of("https://abc.execute-api.eu-west-1.amazonaws.com/prod");
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            byte[] bytes = new byte[15];
            random.nextBytes(bytes);
            String id = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

            assertThat(id.compareTo(prefix)).isPositive();
            assertThat(id.compareTo(prefix + SocketIdPrefix.PAST)).isNegative();
        }
    }
}
