package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.auth.Authorization;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.IdentityClaims;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fallback gateway keeps the ConnectAuthorizer's claims with the session's stored connection, bounded. */
class GatewayClaimsTest {
    private final Map<String, String> claims = new LinkedHashMap<>();
    private final NodeHarness h = new NodeHarness(request -> new Authorization.Allowed("acme", "alice", claims));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theAuthorizersClaimsAreStoredWithTheSession() throws HandshakeRefused {
        claims.put("role", "editor");
        claims.put("name", "Alice Example");

        FakeSession session = h.open();

        ConnectionRecord stored = h.storeConnections().find(session.sid()).orElseThrow();
        assertThat(stored.tenant()).isEqualTo("acme");
        assertThat(stored.user()).isEqualTo("alice");
        assertThat(stored.claims()).isEqualTo(Map.of("role", "editor", "name", "Alice Example"));
    }

    @Test
    void claimsPastTheLimitAreDroppedAndTheSessionStillOpens() throws HandshakeRefused {
        for (int i = 0; i < IdentityClaims.MAX_CLAIMS + 5; i++) {
            claims.put("c" + i, "v");
        }

        FakeSession session = h.open();

        ConnectionRecord stored = h.storeConnections().find(session.sid()).orElseThrow();
        assertThat(stored.claims()).hasSize(IdentityClaims.MAX_CLAIMS).containsEntry("c0", "v")
                .doesNotContainKey("c" + IdentityClaims.MAX_CLAIMS);
        h.send(session, "0");
        assertThat(session.sent()).singleElement().asString().startsWith("40{\"sid\"");
    }
}
