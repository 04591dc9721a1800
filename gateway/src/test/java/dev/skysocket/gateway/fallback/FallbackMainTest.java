package dev.skysocket.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackMainTest {

    @Test
    void aConfiguredManagementUrlIsKept() {
        Settings settings = FallbackMain.withManagementUrl(Settings.of(Map.of(
                "skysocket.gateway-management-host", "0.0.0.0",
                "skysocket.gateway-management-url", "http://10.0.0.7:3002")));
        assertThat(settings.string("skysocket.gateway-management-url", null)).isEqualTo("http://10.0.0.7:3002");
    }

    @Test
    void aLoopbackListenerNeedsNoDerivedUrl() {
        Settings settings = FallbackMain.withManagementUrl(Settings.of(Map.of()));
        assertThat(settings.string("skysocket.gateway-management-url", null)).isNull();
    }

    @Test
    void aListenerOnEveryInterfaceAdvertisesThisMachinesPrivateAddress() {
        String address;
        try {
            address = TaskAddress.siteLocalIpv4();
        } catch (IllegalStateException none) {
            org.junit.jupiter.api.Assumptions.abort("this machine has no private IPv4 address");
            return;
        }
        Settings settings = FallbackMain.withManagementUrl(Settings.of(Map.of(
                "skysocket.gateway-management-host", "0.0.0.0",
                "skysocket.gateway-management-port", "3002")));
        assertThat(settings.string("skysocket.gateway-management-url", null))
                .isEqualTo("http://" + address + ":3002");
    }
}
