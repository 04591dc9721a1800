package dev.skysocket.auth;

import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.api.auth.ConnectRequest;
import dev.skysocket.api.auth.Authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.config.Settings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectAuthorizersTest {
    private static final ConnectRequest ANYONE = new ConnectRequest(Map.of(), Map.of(), null);
    private static final Settings JWT = Settings.of(Map.of(JwtSettings.ISSUER, "https://issuer.example",
            JwtSettings.AUDIENCE, "client-1"));

    @TempDir
    Path dir;

    /** A custom authorizer as an app would ship it. */
    public static final class VipOnly implements ConnectAuthorizer {
        @Override
        public Authorization authorize(ConnectRequest request) {
            return new Authorization.Denied("not a vip");
        }
    }

    /** A second one, to install by mistake. */
    public static final class EveryoneIsAdmin implements ConnectAuthorizer {
        @Override
        public Authorization authorize(ConnectRequest request) {
            return new Authorization.Allowed("admin", "root");
        }
    }

    /** One ServiceLoader cannot create. */
    public static final class NeedsArguments implements ConnectAuthorizer {
        public NeedsArguments(String unused) {
        }

        @Override
        public Authorization authorize(ConnectRequest request) {
            return new Authorization.Denied("never");
        }
    }

    @Test
    void theLocalQueryIdentityReplacesOnlyTheAnonymousFallback() throws IOException {
        Settings local = Settings.of(Map.of(QueryIdentityAuthorizer.SETTING, "true"));
        ConnectAuthorizer chosen = ConnectAuthorizers.load(local, loader());
        assertThat(chosen).isInstanceOf(QueryIdentityAuthorizer.class);
        assertThat(chosen.authorize(new ConnectRequest(Map.of("user", "alice", "tenant", "acme"), Map.of(), null)))
                .isEqualTo(new Authorization.Allowed("acme", "alice"));
        assertThat(ConnectAuthorizers.load(Settings.of(Map.of(QueryIdentityAuthorizer.SETTING, "true",
                JwtSettings.ISSUER, "https://issuer.example", JwtSettings.AUDIENCE, "client-1")), loader()))
                .as("a configured JWT authorizer wins").isInstanceOf(JwtAuthorizer.class);
        assertThat(ConnectAuthorizers.load(Settings.of(Map.of(QueryIdentityAuthorizer.SETTING, "false")), loader()))
                .isInstanceOf(AnonymousAuthorizer.class);
    }

    @Test
    void withNothingConfiguredEveryoneGetsInAnonymouslyIntoTheDefaultTenant() throws IOException {
        ConnectAuthorizer chosen = ConnectAuthorizers.load(Settings.of(Map.of()), loader());
        assertThat(chosen).isInstanceOf(AnonymousAuthorizer.class);
        assertThat(chosen.authorize(ANYONE)).isEqualTo(new Authorization.Allowed("default", null));
        assertThat(ConnectAuthorizers.load(Settings.of(Map.of(JwtSettings.DEFAULT_TENANT, "main")), loader())
                .authorize(ANYONE)).isEqualTo(new Authorization.Allowed("main", null));
    }

    @Test
    void anIssuerSettingTurnsOnTheJwtAuthorizer() throws IOException {
        assertThat(ConnectAuthorizers.load(JWT, loader())).isInstanceOf(JwtAuthorizer.class);
    }

    @Test
    void aBadJwtSetupFailsAtStart() {
        Settings noAudience = Settings.of(Map.of(JwtSettings.ISSUER, "https://issuer.example"));
        assertThatThrownBy(() -> ConnectAuthorizers.load(noAudience, loader()))
                .hasMessageContaining("skysocket.jwt-audience");
    }

    @Test
    void anInstalledAuthorizerWinsOverTheSettings() throws IOException {
        ConnectAuthorizer chosen = ConnectAuthorizers.load(JWT, loader(VipOnly.class));
        assertThat(chosen).isInstanceOf(VipOnly.class);
        assertThat(chosen.authorize(ANYONE)).isEqualTo(new Authorization.Denied("not a vip"));
    }

    @Test
    void twoInstalledAuthorizersFailAtStartNamingBoth() {
        assertThatThrownBy(() -> ConnectAuthorizers.load(JWT, loader(VipOnly.class, EveryoneIsAdmin.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than one ConnectAuthorizer")
                .hasMessageContaining(VipOnly.class.getName())
                .hasMessageContaining(EveryoneIsAdmin.class.getName())
                .hasMessageContaining("META-INF/services/dev.skysocket.api.auth.ConnectAuthorizer");
    }

    @Test
    void anAuthorizerServiceLoaderCannotCreateFailsAtStartSayingWhy() {
        assertThatThrownBy(() -> ConnectAuthorizers.load(JWT, loader(NeedsArguments.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public no-argument constructor");
    }

    /** A class loader that sees a services file listing {@code installed}, on top of the test classpath. */
    private ClassLoader loader(Class<?>... installed) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        StringBuilder lines = new StringBuilder("# installed by the test\n");
        for (Class<?> type : installed) {
            lines.append(type.getName()).append('\n');
        }
        Files.writeString(services.resolve(ConnectAuthorizer.class.getName()), lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }
}
