package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.api.DisconnectReason;
import dev.skysocket.store.SocketIdPrefix;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiGatewayRoutesTest {
    private final RecordingApp app = new RecordingApp();
    private final RouteHarness routes = new RouteHarness(app, Map.of());

    @AfterEach
    void close() {
        routes.close();
    }

    @Test
    void connectStoresTheConnectionAndTheDeferredStepSendsTheOpenPacket() {
        String id = routes.connect();
        assertThat(routes.stored(id)).isTrue();
        assertThat(routes.posts(id)).first().asString()
                .startsWith("0{")
                .contains("\"sid\":\"" + id + "\"", "\"upgrades\":[]", "\"pingInterval\":25000",
                        "\"pingTimeout\":20000", "\"maxPayload\":32768");
    }

    @Test
    void connectRefusesOtherProtocolVersionsTransportsAndForeignOrigins() {
        assertThat(routes.connectStatus(Map.of("EIO", "3", "transport", "websocket"), Map.of())).isEqualTo(400);
        assertThat(routes.connectStatus(Map.of("EIO", "4", "transport", "polling"), Map.of())).isEqualTo(400);
        assertThat(routes.connectStatus(Map.of(), Map.of())).isEqualTo(400);
        // An upgrade of a polling session: there is none on this path (Engine.IO code 1, Session ID unknown).
        assertThat(routes.connectStatus(Map.of("EIO", "4", "transport", "websocket", "sid", "AAAAAAAAAAAAAAAAAAAA"),
                Map.of())).isEqualTo(400);
        try (RouteHarness strict = new RouteHarness(new RecordingApp(),
                Map.of("skysocket.allowed-origins", "https://app.example.com"))) {
            Map<String, String> query = Map.of("EIO", "4", "transport", "websocket");
            assertThat(strict.connectStatus(query, Map.of("Origin", "https://evil.example.com"))).isEqualTo(403);
            assertThat(strict.connectStatus(query, Map.of())).isEqualTo(403);
            assertThat(strict.connectStatus(query, Map.of("Origin", "https://app.example.com"))).isEqualTo(200);
        }
    }

    @Test
    void namespaceConnectAnswersWithTheSocketIdAndRunsConnectionHandlers() {
        String id = routes.connect();
        routes.send(id, "40");
        // The endpoint's prefix, then 20 random URL-safe characters as in Socket.IO.
        assertThat(routes.posts(id)).element(1).asString().matches("40\\{\"sid\":\""
                + SocketIdPrefix.of(routes.api.endpoint()) + "[A-Za-z0-9_-]{20}\"}");
        assertThat(app.seen).containsExactly("connection /");
    }

    @Test
    void middlewareRefusesWithConnectErrorAndAdmitsOnTheSameConnection() {
        String id = routes.connect();
        routes.send(id, "40/admin,{\"token\":\"wrong\"}");
        routes.send(id, "40/admin,{\"token\":\"secret\"}");
        routes.send(id, "40/nowhere,");
        assertThat(routes.posts(id)).hasSize(4);
        assertThat(routes.posts(id).get(1)).isEqualTo("44/admin,{\"message\":\"unauthorized\"}");
        assertThat(routes.posts(id).get(2)).startsWith("40/admin,{\"sid\":");
        assertThat(routes.posts(id).get(3)).isEqualTo("44/nowhere,{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void eventsWithAnAckIdAreAnsweredWithTheSameId() {
        String id = connected();
        routes.send(id, "4217[\"echo\",\"x\",{\"a\":[1,null,true]},3.5]");
        assertThat(routes.posts(id)).last().isEqualTo("4317[\"x\",{\"a\":[1,null,true]},3.5]");
    }

    @Test
    void eventsWithoutAnAckAreEmittedBack() {
        String id = connected();
        routes.send(id, "42[\"echo\",1,\"two\"]");
        assertThat(routes.posts(id)).last().isEqualTo("42[\"echo\",1,\"two\"]");
    }

    @Test
    void binaryArgumentsArriveAsAttachmentsAcrossFramesAndGoBackAsBase64() {
        String id = connected();
        routes.send(id, "451-3[\"echo\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(app.seen).doesNotContain("echo");
        routes.send(id, "bAQID");
        assertThat(routes.posts(id)).endsWith("461-3[{\"_placeholder\":true,\"num\":0}]", "bAQID");
    }

    @Test
    void socketDataSurvivesBetweenInvocations() {
        String id = connected();
        routes.send(id, "421[\"remember\",{\"n\":7}]");
        routes.send(id, "422[\"recall\"]");
        assertThat(routes.posts(id)).last().isEqualTo("432[{\"n\":7}]");
    }

    @Test
    void aRoomBroadcastReachesOtherMembersOnly() {
        String a = connected();
        String b = connected();
        String c = connected();
        routes.send(a, "421[\"join\",\"r1\"]");
        routes.send(b, "421[\"join\",\"r1\"]");
        int postsToA = routes.posts(a).size();
        int postsToC = routes.posts(c).size();
        routes.send(a, "422[\"say\",{\"room\":\"r1\",\"msg\":\"hi\"}]");
        assertThat(routes.posts(b)).last().isEqualTo("42[\"said\",{\"room\":\"r1\",\"msg\":\"hi\"}]");
        assertThat(routes.posts(a)).hasSize(postsToA + 1).last().isEqualTo("432[]");
        assertThat(routes.posts(c)).hasSize(postsToC);
    }

    @Test
    void aGoneRecipientIsPrunedAndTheSenderIsKept() {
        String sender = connected();
        String gone = connected();
        routes.send(sender, "421[\"join\",\"r1\"]");
        routes.send(gone, "421[\"join\",\"r1\"]");
        routes.api.markGone(gone);
        routes.send(sender, "422[\"say\",{\"room\":\"r1\",\"msg\":\"hi\"}]");
        assertThat(routes.stored(gone)).isFalse();
        assertThat(routes.stored(sender)).isTrue();
        assertThat(routes.posts(sender)).last().isEqualTo("432[]");
    }

    @Test
    void anEventBeforeConnectEndsOnlyThatConnectionAndNeverReachesTheApp() {
        String bad = routes.connect();
        String good = connected();
        routes.send(bad, "42[\"echo\",\"sneaky\"]");
        assertThat(routes.closedByServer(bad)).isTrue();
        assertThat(routes.stored(bad)).isFalse();
        assertThat(app.seen).noneMatch(s -> s.contains("sneaky"));
        routes.send(good, "421[\"echo\",\"still here\"]");
        assertThat(routes.posts(good)).last().isEqualTo("431[\"still here\"]");
    }

    @Test
    void aPongFromAConnectionThatIsNotStoredEndsItsTransport() {
        String unknown = "never-stored=";
        routes.send(unknown, "3");
        assertThat(routes.closedByServer(unknown)).isTrue();
        assertThat(routes.stored(unknown)).isFalse();
    }

    @Test
    void malformedFramesEndTheConnectionWithParseError() {
        // An attachment alone is not among them: API Gateway may hand it over before its header (see
        // ConcurrentMutationsTest), so it waits for one.
        for (String frame : new String[] {"", "9", "4{", "42{\"a\":1}", "42[]", "42[\"connect\"]", "2"}) {
            String id = connected();
            routes.send(id, frame);
            assertThat(routes.closedByServer(id)).as("closed after %s", frame).isTrue();
            assertThat(routes.stored(id)).as("removed after %s", frame).isFalse();
        }
        assertThat(app.disconnects).containsOnly(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void anAppExceptionDoesNotEndTheConnection() {
        String id = connected();
        routes.send(id, "421[\"boom\"]");
        routes.send(id, "422[\"echo\",\"after\"]");
        assertThat(routes.closedByServer(id)).isFalse();
        assertThat(routes.posts(id)).last().isEqualTo("432[\"after\"]");
    }

    @Test
    void disconnectRunsHandlersWithTransportCloseAndRemovesItems() {
        String id = connected();
        routes.send(id, "421[\"join\",\"r1\"]");
        routes.disconnect(id);
        assertThat(routes.stored(id)).isFalse();
        assertThat(app.disconnects).containsExactly(DisconnectReason.TRANSPORT_CLOSE);
        assertThat(routes.runtime.context().rooms().members("default", "/", "r1")).isEmpty();
    }

    @Test
    void theSweepPingsDueConnectionsAndDropsThoseThatNeverAnswer() {
        String quiet = connected();
        String lively = connected();
        routes.clock.advance(Duration.ofMillis(routes.config.pingIntervalMs()));
        SweepReport first = routes.runtime.heartbeat().run();
        assertThat(first.pinged()).isGreaterThanOrEqualTo(2);
        assertThat(routes.posts(quiet)).last().isEqualTo("2");
        routes.send(lively, "3");
        routes.clock.advance(Duration.ofMillis(routes.config.pingTimeoutMs() + 1));
        SweepReport second = routes.runtime.heartbeat().run();
        assertThat(second.timedOut()).isGreaterThanOrEqualTo(1);
        assertThat(routes.stored(quiet)).isFalse();
        assertThat(routes.closedByServer(quiet)).isTrue();
        assertThat(routes.stored(lively)).isTrue();
        assertThat(app.disconnects).contains(DisconnectReason.PING_TIMEOUT);
    }

    @Test
    void theSweepRotatesConnectionsBeforeTheTwoHourLimit() {
        String old = connected();
        routes.clock.advance(Duration.ofMillis(routes.config.maxConnectionAgeMs()));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            routes.runtime.heartbeat().run();
            return routes.closedByServer(old);
        });
        assertThat(routes.stored(old)).isFalse();
    }

    @Test
    void broadcastsCoverManyRoomsOnceEachAndHonourExcept() {
        String both = connected();
        String onlyR1 = connected();
        String muted = connected();
        routes.send(both, "421[\"join\",\"r1\"]");
        routes.send(both, "422[\"join\",\"r2\"]");
        routes.send(onlyR1, "421[\"join\",\"r1\"]");
        routes.send(muted, "421[\"join\",\"r2\"]");
        routes.send(muted, "422[\"join\",\"muted\"]");
        var report = routes.runtime.emitter("default").of("/").to("r1", "r2").except("muted").emit("news", 1);
        assertThat(report.delivered()).isEqualTo(2);
        assertThat(routes.posts(both)).filteredOn(f -> f.startsWith("42[\"news\"")).hasSize(1);
        assertThat(routes.posts(onlyR1)).last().isEqualTo("42[\"news\",1]");
        assertThat(routes.posts(muted)).noneMatch(f -> f.startsWith("42[\"news\""));
    }

    @Test
    void anEmitWithoutRoomsReachesTheWholeNamespaceAndOnlyThatNamespace() {
        String root = connected();
        String admin = routes.connect();
        routes.send(admin, "40/admin,{\"token\":\"secret\"}");
        routes.runtime.emitter("default").of("/").emit("everyone", "hi");
        assertThat(routes.posts(root)).last().isEqualTo("42[\"everyone\",\"hi\"]");
        assertThat(routes.posts(admin)).noneMatch(f -> f.contains("everyone"));
    }

    @Test
    void tenantsNeverShareRooms() {
        String acme = connectedAs("acme");
        String globex = connectedAs("globex");
        routes.send(acme, "421[\"join\",\"r1\"]");
        routes.send(globex, "421[\"join\",\"r1\"]");
        routes.runtime.emitter("acme").of("/").to("r1").emit("memo", "acme only");
        assertThat(routes.posts(acme)).last().isEqualTo("42[\"memo\",\"acme only\"]");
        assertThat(routes.posts(globex)).noneMatch(f -> f.contains("memo"));
        assertThat(routes.runtime.context().connections().find(acme).orElseThrow().user()).isEqualTo("user-acme");
    }

    @Test
    void aClientNamespaceDisconnectLeavesTheOtherNamespacesConnected() {
        String id = connected();
        routes.send(id, "40/admin,{\"token\":\"secret\"}");
        routes.send(id, "41");
        assertThat(app.disconnects).containsExactly(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
        assertThat(routes.runtime.context().sockets().findSocket(id, "/")).isEmpty();
        assertThat(routes.runtime.context().sockets().findSocket(id, "/admin")).isPresent();
        assertThat(routes.closedByServer(id)).isFalse();
    }

    @Test
    void aDisconnectForANamespaceTheClientNeverJoinedClosesTheConnection() {
        String id = connected();
        routes.send(id, "41/admin,");
        assertThat(routes.closedByServer(id)).isTrue();
        assertThat(app.disconnects).containsExactly(DisconnectReason.PARSE_ERROR);
        assertThat(routes.stored(id)).isFalse();
    }

    private String connectedAs(String tenant) {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        var event = RouteHarness.event(id, "$connect", "CONNECT", null,
                Map.of("EIO", "4", "transport", "websocket"), Map.of());
        event.getRequestContext().setAuthorizer(Map.of("tenant", tenant, "user", "user-" + tenant));
        assertThat(routes.runtime.connect().handle(event).getStatusCode()).isEqualTo(200);
        routes.send(id, "40");
        return id;
    }

    private String connected() {
        String id = routes.connect();
        routes.send(id, "40");
        return id;
    }
}
