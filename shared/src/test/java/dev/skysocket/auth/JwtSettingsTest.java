package dev.skysocket.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSettingsTest {
    private static final String COGNITO = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123";

    @Test
    void anIssuerAndAnAudienceAreEnoughAndTheRestHasDefaults() {
        JwtSettings s = JwtSettings.from(settings(Map.of()));
        assertThat(s.jwksUrl()).isEqualTo(URI.create(COGNITO + "/.well-known/jwks.json"));
        assertThat(s.tenantClaim()).isNull();
        assertThat(s.userClaim()).isEqualTo("sub");
        assertThat(s.tokenParam()).isEqualTo("token");
        assertThat(s.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.defaultTenant()).isEqualTo("default");
        assertThat(s.jwksTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everySettingCanBeChanged() {
        JwtSettings s = JwtSettings.from(settings(Map.of(JwtSettings.JWKS_URL, "https://keys.example/k.json",
                JwtSettings.TENANT_CLAIM, "custom:tenant", JwtSettings.USER_CLAIM, "email",
                JwtSettings.TOKEN_PARAM, "access_token", JwtSettings.CLOCK_SKEW_S, "5",
                JwtSettings.DEFAULT_TENANT, "main")));
        assertThat(s).isEqualTo(new JwtSettings(COGNITO, "client-1", URI.create("https://keys.example/k.json"),
                "custom:tenant", "email", "access_token", Duration.ofSeconds(5), "main", Duration.ofSeconds(1)));
    }

    @Test
    void anIssuerWithATrailingSlashKeepsItForIssButNotForTheKeyUrl() {
        JwtSettings s = JwtSettings.from(settings(Map.of(JwtSettings.ISSUER, "https://tenant.auth.example/")));
        assertThat(s.issuer()).isEqualTo("https://tenant.auth.example/");
        assertThat(s.jwksUrl()).isEqualTo(URI.create("https://tenant.auth.example/.well-known/jwks.json"));
    }

    @Test
    void jwtIsOffWithoutAnIssuer() {
        assertThat(JwtSettings.configured(Settings.of(Map.of()))).isFalse();
        assertThat(JwtSettings.configured(settings(Map.of()))).isTrue();
    }

    @Test
    void aMissingAudienceFailsAtStartWithTheSettingsNames() {
        assertThatThrownBy(() -> JwtSettings.from(Settings.of(Map.of(JwtSettings.ISSUER, COGNITO))))
                .hasMessageContaining("skysocket.jwt-audience").hasMessageContaining("SKYSOCKET_JWT_AUDIENCE");
    }

    @Test
    void keysAreOnlyFetchedOverHttpsExceptFromALoopbackHost() {
        for (String bad : new String[] {"http://keys.example/jwks.json", "file:///etc/passwd", "ftp://x/y",
                "/relative/jwks.json", "https:///no-host", "http://127.0.0.1.evil.example/jwks.json"}) {
            assertThatThrownBy(() -> JwtSettings.from(settings(Map.of(JwtSettings.JWKS_URL, bad))))
                    .as(bad).hasMessageContaining("skysocket.jwt-jwks-url");
        }
        for (String fine : new String[] {"http://localhost:8080/jwks.json", "http://127.0.0.1:9/jwks.json",
                "http://[::1]:9/jwks.json", "HTTPS://keys.example/jwks.json"}) {
            assertThat(JwtSettings.from(settings(Map.of(JwtSettings.JWKS_URL, fine))).jwksUrl())
                    .isEqualTo(URI.create(fine));
        }
    }

    @Test
    void anUnparseableKeyUrlFailsWithTheSettingsName() {
        assertThatThrownBy(() -> JwtSettings.from(settings(Map.of(JwtSettings.JWKS_URL, "https://a b/"))))
                .hasMessageContaining("skysocket.jwt-jwks-url");
    }

    @Test
    void aClockSkewThatIsNegativeHugeOrNotANumberFailsAtStart() {
        for (String bad : new String[] {"-1", "301", "sixty"}) {
            assertThatThrownBy(() -> JwtSettings.from(settings(Map.of(JwtSettings.CLOCK_SKEW_S, bad))))
                    .as(bad).hasMessageContaining("skysocket.jwt-clock-skew-s");
        }
    }

    @Test
    void theEnvironmentWorksLikeSystemProperties() {
        var env = Map.of("SKYSOCKET_JWT_ISSUER", COGNITO, "SKYSOCKET_JWT_AUDIENCE", "client-1",
                "SKYSOCKET_JWT_TENANT_CLAIM", "tid");
        JwtSettings s = JwtSettings.from(new Settings(name -> null, env));
        assertThat(s.tenantClaim()).isEqualTo("tid");
    }

    private static Settings settings(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(Map.of(JwtSettings.ISSUER, COGNITO, JwtSettings.AUDIENCE, "client-1"));
        all.putAll(extra);
        return Settings.of(all);
    }
}
