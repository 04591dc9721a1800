package dev.skysocket.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundLimitsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        InboundLimits limits = InboundLimits.from(Settings.of(Map.of()));
        assertThat(limits).isEqualTo(new InboundLimits(500, 100, 10_000));
        assertThat(limits.limitsConnections()).isTrue();
        assertThat(limits.limitsTenants()).isTrue();
    }

    @Test
    void zeroTurnsEachLimitOff() {
        InboundLimits limits = InboundLimits.from(Settings.of(Map.of(InboundLimits.BURST, "0",
                InboundLimits.PER_SECOND, "0", InboundLimits.TENANT_PER_SECOND, "0")));
        assertThat(limits.limitsConnections()).isFalse();
        assertThat(limits.limitsTenants()).isFalse();
    }

    @Test
    void aBurstWithoutARateOrANegativeValueFailsAtStartWithTheSettingsName() {
        assertThatThrownBy(() -> InboundLimits.from(Settings.of(Map.of(InboundLimits.PER_SECOND, "0"))))
                .hasMessageContaining(InboundLimits.BURST).hasMessageContaining(InboundLimits.PER_SECOND);
        assertThatThrownBy(() -> InboundLimits.from(Settings.of(Map.of(InboundLimits.TENANT_PER_SECOND, "-1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InboundLimits.from(Settings.of(Map.of(InboundLimits.BURST, "many"))))
                .hasMessageContaining(InboundLimits.BURST);
    }
}
