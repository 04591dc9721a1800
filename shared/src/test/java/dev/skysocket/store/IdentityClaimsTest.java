package dev.skysocket.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityClaimsTest {

    @Test
    void claimsWithinTheLimitsAreKeptAsGiven() {
        Map<String, String> claims = Map.of("role", "editor", "team", "blue");
        assertThat(IdentityClaims.bounded(claims)).isEqualTo(claims);
        assertThat(IdentityClaims.bounded(null)).isEmpty();
    }

    @Test
    void pastTwentyClaimsTheRestAreDroppedInOrder() {
        Map<String, String> claims = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            claims.put("c" + i, "v");
        }
        Map<String, String> kept = IdentityClaims.bounded(claims);
        assertThat(kept).hasSize(IdentityClaims.MAX_CLAIMS).containsKeys("c0", "c19").doesNotContainKey("c20");
    }

    @Test
    void pastOneKilobyteTogetherALargeClaimIsDroppedAndSmallerOnesAfterItKept() {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("a", "x".repeat(600));
        claims.put("big", "y".repeat(600));
        claims.put("b", "z");
        Map<String, String> kept = IdentityClaims.bounded(claims);
        assertThat(kept).containsOnlyKeys("a", "b");
        int chars = kept.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        assertThat(chars).isLessThanOrEqualTo(IdentityClaims.MAX_CHARS);
    }

    @Test
    void nullNamesAndValuesAreSkipped() {
        Map<String, String> claims = new HashMap<>();
        claims.put(null, "v");
        claims.put("k", null);
        claims.put("role", "editor");
        assertThat(IdentityClaims.bounded(claims)).isEqualTo(Map.of("role", "editor"));
    }
}
