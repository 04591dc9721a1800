package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.auth.Authorization;
import dev.skysocket.auth.ReservedTenants;
import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.HandshakeRefused;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A handshake the fallback gateway refuses (the ConnectAuthorizer's denial, a revoked user) is answered with
 * CONNECT_ERROR and leaves nothing in the table (DynamoDB Local, scanned for the session's sid), open or closed.
 */
class RefusedHandshakeTest {
    private final AtomicReference<Authorization> decision = new AtomicReference<>(
            new Authorization.Allowed("default", "alice"));
    private final NodeHarness h = new NodeHarness(Map.of("skysocket.revocation-recheck-ms", "0"),
            request -> decision.get());

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aDeniedHandshakeGetsItsReasonAndWritesNoItem() throws HandshakeRefused {
        decision.set(new Authorization.Denied("bad token"));
        FakeSession denied = h.open();

        h.send(denied, "0");

        assertThat(denied.sent()).containsExactly("44{\"message\":\"bad token\"}");
        assertThat(h.itemsNaming(denied.sid())).isEmpty();
        h.send(denied, "42[\"hello\"]"); // an event for a namespace it never joined: closed as a protocol error
        assertThat(denied.closed()).isTrue();
        h.node.listener().onClose(denied, EngineCloseReason.TRANSPORT_CLOSE);
        assertThat(h.itemsNaming(denied.sid())).isEmpty();
    }

    @Test
    void anIdentityInTheReservedPrimingTenantIsRefusedAndWritesNoItem() throws HandshakeRefused {
        decision.set(new Authorization.Allowed(ReservedTenants.PRIMING, "mallory"));
        FakeSession reserved = h.open();

        h.send(reserved, "0");

        assertThat(reserved.sent()).containsExactly("44{\"message\":\"reserved tenant\"}");
        assertThat(h.itemsNaming(reserved.sid())).isEmpty();
    }

    @Test
    void aRevokedUsersHandshakeGetsRevokedAndWritesNoItemWhileAnotherUserStillConnects() throws HandshakeRefused {
        h.node.emitter("default").revoke("alice", Duration.ofMinutes(5));
        FakeSession revoked = h.open();
        decision.set(new Authorization.Allowed("default", "bob"));
        FakeSession bob = h.open();

        h.send(revoked, "0");
        h.send(bob, "0");

        assertThat(revoked.sent()).containsExactly("44{\"message\":\"revoked\"}");
        assertThat(h.itemsNaming(revoked.sid())).isEmpty();
        assertThat(bob.sent()).singleElement().asString().startsWith("40{\"sid\"");
        assertThat(h.itemsNaming(bob.sid())).as("an admitted session is stored as before").isNotEmpty();
    }
}
