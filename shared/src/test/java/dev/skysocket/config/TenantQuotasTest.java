package dev.skysocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantQuotasTest {

    @Test
    void byDefaultNoConnectionIsCountedAndASocketMayBeInAThousandRooms() {
        TenantQuotas quotas = TenantQuotas.from(Settings.of(Map.of()));
        assertThat(quotas.countsConnections()).isFalse();
        assertThat(quotas.maxConnections("acme")).isZero();
        assertThat(quotas.maxRoomsPerSocket("acme")).isEqualTo(1000);
        assertThat(SkysocketConfig.defaults().quotas()).isEqualTo(quotas);
    }

    @Test
    void aDefaultForEveryTenantAndOverridesForSome() {
        TenantQuotas quotas = TenantQuotas.from(Settings.of(Map.of(
                TenantQuotas.MAX_CONNECTIONS, "100",
                TenantQuotas.CONNECTIONS_BY_TENANT, "acme=5000, beta = 0",
                TenantQuotas.MAX_ROOMS, "0",
                TenantQuotas.ROOMS_BY_TENANT, "acme=50")));
        assertThat(quotas.maxConnections("acme")).isEqualTo(5000);
        assertThat(quotas.maxConnections("beta")).as("0: no limit").isZero();
        assertThat(quotas.maxConnections("gamma")).isEqualTo(100);
        assertThat(quotas.maxRoomsPerSocket("acme")).isEqualTo(50);
        assertThat(quotas.maxRoomsPerSocket("gamma")).isZero();
        assertThat(quotas.countsConnections()).isTrue();
        assertThat(TenantQuotas.from(Settings.of(Map.of(TenantQuotas.CONNECTIONS_BY_TENANT, "acme=1")))
                .countsConnections()).as("an override alone turns counting on").isTrue();
    }

    @Test
    void aMalformedOverrideFailsAtStartWithTheSettingsName() {
        for (String bad : new String[] {"acme", "acme=x", "=5", "acme=-1"}) {
            assertThatThrownBy(() -> TenantQuotas.from(Settings.of(Map.of(TenantQuotas.CONNECTIONS_BY_TENANT, bad))))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(TenantQuotas.CONNECTIONS_BY_TENANT);
        }
        assertThatThrownBy(() -> TenantQuotas.from(Settings.of(Map.of(TenantQuotas.MAX_CONNECTIONS, "-1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
