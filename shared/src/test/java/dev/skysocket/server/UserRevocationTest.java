package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skysocket.api.Emitter;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.testing.ManagementApiStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Revoking a user behind the API Gateway routes, on DynamoDB Local and a loopback Management API: the user's
 * connections get Socket.IO's DISCONNECT on every namespace and are closed, its next CONNECT is refused with
 * "revoked", other users and tenants are untouched, and a connection the first look missed is closed by the second.
 */
class UserRevocationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private SocketLayerHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.api.open();
            harness.close();
        }
    }

    private SocketLayerHarness start(long recheckMs) {
        harness = new SocketLayerHarness(io -> {
            io.of("/");
            io.of("/admin");
        }, Map.of("skysocket.revocation-recheck-ms", Long.toString(recheckMs)));
        return harness;
    }

    @Test
    void everyConnectionOfTheUserIsToldAndClosedAndItsNextConnectIsRefused() {
        start(0);
        String first = connectionOf("acme", "alice");
        String second = connectionOf("acme", "alice");
        String bob = connectionOf("acme", "bob");
        String otherTenant = connectionOf("umbrella", "alice");
        for (String id : List.of(first, second, bob, otherTenant)) {
            harness.send(id, "40");
        }
        harness.send(first, "40/admin,");
        awaitConnected(first, "40{\"sid\"");
        awaitConnected(first, "40/admin,{\"sid\"");

        int closed = emitter("acme").revoke("alice", Duration.ofMinutes(5));

        assertThat(closed).isEqualTo(2);
        assertThat(harness.posts(first)).contains("41", "41/admin,");
        assertThat(harness.posts(second)).contains("41");
        for (String id : List.of(first, second)) {
            List<String> methods = harness.api.requestsFor(id).stream().map(ManagementApiStub.Request::method).toList();
            assertThat(methods).as("DISCONNECT before the close").endsWith("POST", "DELETE");
        }
        for (String id : List.of(bob, otherTenant)) {
            assertThat(harness.api.requestsFor(id)).noneMatch(r -> r.method().equals("DELETE"));
            assertThat(harness.posts(id)).doesNotContain("41");
        }

        String again = connectionOf("acme", "alice");
        harness.send(again, "40");
        awaitConnected(again, "44{\"message\":\"revoked\"}");
        assertThat(harness.runtime.context().sockets().sockets(again)).as("nothing stored").isEmpty();
        String otherAgain = connectionOf("umbrella", "alice");
        harness.send(otherAgain, "40");
        awaitConnected(otherAgain, "40{\"sid\"");
    }

    @Test
    void zeroClosesWithoutRefusingAndBadArgumentsAreRefused() {
        start(0);
        String first = connectionOf("acme", "carol");

        assertThat(emitter("acme").revoke("carol", Duration.ZERO)).isEqualTo(1);

        String again = connectionOf("acme", "carol");
        harness.send(again, "40");
        awaitConnected(again, "40{\"sid\"");
        assertThat(harness.api.requestsFor(first)).anyMatch(r -> r.method().equals("DELETE"));
        assertThatThrownBy(() -> emitter("acme").revoke(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emitter("acme").revoke(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emitter("acme").revoke("carol", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConnectionTheFirstLookMissedIsClosedByTheSecond() throws Exception {
        start(300);
        String known = connectionOf("acme", "dave");
        harness.api.hold();
        CompletableFuture<Integer> revoking = CompletableFuture.supplyAsync(
                () -> emitter("acme").revoke("dave", Duration.ofMinutes(5)));
        // The first look has read the index: its close of the known connection waits at the Management API.
        await().atMost(WAIT).until(() -> harness.api.parked() >= 1);
        String late = connectionOf("acme", "dave");
        harness.api.open();

        assertThat(revoking.get()).isEqualTo(2);
        assertThat(harness.api.requestsFor(known)).anyMatch(r -> r.method().equals("DELETE"));
        assertThat(harness.api.requestsFor(late)).anyMatch(r -> r.method().equals("DELETE"));
    }

    @Test
    void aCloseThatFailsIsLoggedAndTheOtherConnectionsAreStillClosed() {
        start(0);
        String failing = connectionOf("acme", "erin");
        String fine = connectionOf("acme", "erin");
        harness.api.failAlways(failing, 500);

        assertThat(emitter("acme").revoke("erin", Duration.ofMinutes(5))).isEqualTo(1);
        assertThat(harness.api.requestsFor(fine)).anyMatch(r -> r.method().equals("DELETE"));
        assertThat(harness.runtime.context().revocations().revokedUntil("acme", "erin")).isPresent();
    }

    private Emitter emitter(String tenant) {
        return harness.runtime.emitter(tenant);
    }

    private void awaitConnected(String connectionId, String prefix) {
        await().atMost(WAIT).until(() -> harness.posts(connectionId).stream().anyMatch(p -> p.startsWith(prefix)));
    }

    /** An opened connection whose identity (an authorizer's) is this tenant and user. */
    private String connectionOf(String tenant, String user) {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        long now = System.currentTimeMillis();
        var ctx = harness.runtime.context();
        ctx.connections().create(new ConnectionRecord(id, harness.api.endpoint(), "websocket", true, tenant, user,
                "127.0.0.1", Map.of(), Map.of("EIO", "4", "transport", "websocket"), now, now + 60_000, false, true,
                ctx.config().expiresAtSeconds(now), null));
        return id;
    }
}
