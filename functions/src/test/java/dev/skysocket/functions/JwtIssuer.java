package dev.skysocket.functions;

import com.nimbusds.jose.jwk.JWKSet;
import dev.skysocket.auth.JwksServer;
import dev.skysocket.auth.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token issuer for the {@code authorizer} function: its JWKS (the public half of {@link Tokens#RSA}) served on
 * 127.0.0.1, and the {@code skysocket.jwt-*} settings naming it, set as system properties before Quarkus starts
 * (as {@code SKYSOCKET_JWT_*} variables on AWS). Tokens in the tests are signed with {@link Tokens}.
 */
public class JwtIssuer implements QuarkusTestResourceLifecycleManager {
    private final Map<String, String> settings = new LinkedHashMap<>();
    private JwksServer jwks;

    @Override
    public Map<String, String> start() {
        try {
            jwks = new JwksServer().serve(new JWKSet(Tokens.RSA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.put("skysocket.jwt-issuer", Tokens.ISSUER);
        settings.put("skysocket.jwt-audience", Tokens.AUDIENCE);
        settings.put("skysocket.jwt-jwks-url", jwks.url().toString());
        settings.put("skysocket.jwt-tenant-claim", "tenant");
        settings.forEach(System::setProperty);
        return Map.copyOf(settings);
    }

    @Override
    public void stop() {
        settings.keySet().forEach(System::clearProperty);
        if (jwks != null) {
            jwks.close();
        }
    }
}
