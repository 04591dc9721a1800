package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.store.SocketStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stock socket.io-client v4 under Node against the local stack (API Gateway emulator, the Lambda code
 * path, DynamoDB Local), with the options AWS-FACTS gives for API Gateway. Each test runs one scenario from
 * {@code js/scenarios} and checks both its exit code and what it observed. Against a deployment
 * ({@link TestStack#target()}) the store checks and the tests that need the local stack's timers or its
 * Management API are skipped.
 */
@Timeout(120)
class SocketIoClientIT {
    private static final Duration SERVER_SIDE = Duration.ofSeconds(15);
    private static TestStack.Target target;

    @BeforeAll
    static void startStack() {
        target = TestStack.target();
    }

    @AfterAll
    static void stopStack() {
        if (target != null) {
            target.close();
        }
    }

    private static NodeScenario scenario(String script) {
        return NodeScenario.of(script, target.websocketUrl(), target.path());
    }

    private static ConnectionStore connections() {
        return target.localStack("direct DynamoDB reads").runtime().context().connections();
    }

    private static SocketStore sockets() {
        return target.localStack("direct DynamoDB reads").runtime().context().sockets();
    }

    @Test
    void theOpenPacketArrivesAndConnectFiresOverWebsocket() {
        JsonNode seen;
        try (NodeScenario.Running running = scenario("connect.mjs").start()) {
            JsonNode ids = running.awaitCheckpoint("connected");
            String connectionId = ids.path("engineId").asText();
            if (target.isLocal()) {
                assertThat(connections().find(connectionId)).as("the stored connection").isPresent();
                assertThat(sockets().findSocket(connectionId, "/")).map(SocketRecord::socketId)
                        .contains(ids.path("socketId").asText());
            }
            running.resume();
            seen = running.await().succeeded();
        }
        JsonNode handshake = seen.path("handshake");
        assertThat(seen.path("transport").asText()).isEqualTo("websocket");
        assertThat(seen.path("socketId").asText()).isNotBlank();
        assertThat(handshake.path("sid").asText()).isEqualTo(seen.path("engineId").asText());
        assertThat(handshake.path("upgrades").isArray()).isTrue();
        assertThat(handshake.path("upgrades")).isEmpty();
        if (target.isLocal()) {
            assertThat(handshake.path("pingInterval").asLong()).isEqualTo(TestStack.PING_INTERVAL_MS);
            assertThat(handshake.path("pingTimeout").asLong()).isEqualTo(TestStack.PING_TIMEOUT_MS);
        } else {
            assertThat(handshake.path("pingInterval").asLong()).as("the deployment's ping interval").isPositive();
        }
        assertThat(handshake.path("maxPayload").asInt()).isEqualTo(32 * 1024);
        assertThat(seen.path("echoed").get(0).asText()).isEqualTo("after connect");
    }

    @Test
    void adminIsRefusedWithoutTheTokenAndAdmittedWithItOnTheSameConnection() {
        JsonNode seen = scenario("admin.mjs").withEnv("SKYSOCKET_ADMIN_TOKEN", target.requireAdminToken()).run()
                .succeeded();

        assertThat(seen.path("withoutToken").asText()).isEqualTo("unauthorized");
        assertThat(seen.path("wrongToken").asText()).isEqualTo("unauthorized");
        assertThat(seen.path("engineAfter").asText()).isEqualTo(seen.path("engineBefore").asText());
        assertThat(seen.path("adminSocketId").asText()).isNotBlank().isNotEqualTo(seen.path("mainSocketId").asText());
        assertThat(seen.path("mainStillConnected").asBoolean()).isTrue();
        assertThat(seen.path("echoed").get(0).asText()).isEqualTo("from admin");
    }

    /**
     * API Gateway runs one connection's frames in any order, so a packet with several attachments can only be
     * checked with ordered delivery (below); every other shape here.
     */
    @Test
    void acksReturnEveryArgumentShapeAndConcurrentAcksAreEachAnsweredCorrectly() {
        JsonNode seen = scenario("acks.mjs").withEnv("SKYSOCKET_UNORDERED", "1").run().succeeded();

        List<String> names = new ArrayList<>();
        for (JsonNode shape : seen.path("cases")) {
            names.add(shape.path("name").asText());
            assertThat(shape.path("got")).as(shape.path("name").asText()).isEqualTo(shape.path("sent"));
        }
        assertThat(names).contains("no arguments", "null", "unicode text", "nested", "many arguments", "a Buffer",
                "a Uint8Array", "binary among other arguments");
        JsonNode buffer = byName(seen.path("cases"), "a Buffer").path("got").get(0);
        assertThat(buffer.path("$binary").asText()).as("a Buffer comes back as binary").isEqualTo("AAECf4D+/w==");
        assertThat(byName(seen.path("cases"), "no arguments").path("got")).isEmpty();
        assertThat(byName(seen.path("cases"), "many arguments").path("got")).hasSize(20);

        JsonNode concurrent = seen.path("concurrent");
        assertThat(concurrent).hasSize(25);
        for (int i = 0; i < 25; i++) {
            assertThat(concurrent.get(i).get(0).path("i").asInt()).isEqualTo(i);
            assertThat(concurrent.get(i).get(1).asInt()).isEqualTo(i * 2);
        }
    }

    /**
     * A packet with several attachments: its attachment frames carry no position, so they are put back in order
     * only when they are handled in order. The emulator's serial order stands in for the ordered mode here; in
     * direct mode API Gateway may hand the frames over in any order (BinaryAssembly says what that allows).
     */
    @Test
    void severalAttachmentsOfOnePacketArriveInOrderWhenFramesAreHandledInOrder() {
        target.localStack("the emulator's serial order");
        try (LocalRunner serial = TestStack.start(Map.of("skysocket.apigw-invocation-order", "serial"))) {
            JsonNode seen = NodeScenario.of("acks.mjs", serial.websocketUrl(), TestStack.path(serial)).run()
                    .succeeded();
            JsonNode nested = byName(seen.path("cases"), "binary nested in an object");
            assertThat(nested.path("got")).isEqualTo(nested.path("sent"));
        }
    }

    @Test
    void echoWithoutAckEmitsEchoBackWithTheSameArguments() {
        JsonNode seen = scenario("echo.mjs").run().succeeded();

        assertThat(seen.path("got")).isEqualTo(seen.path("sent"));
        assertThat(seen.path("got")).hasSize(4);
        assertThat(seen.path("binaryGot")).isEqualTo(seen.path("binarySent"));
        assertThat(seen.path("binaryGot").get(0).has("$binary")).isTrue();
    }

    @Test
    void aRoomMessageReachesTheOtherMembersOnlyAndNotAfterLeaving() {
        JsonNode seen = scenario("rooms.mjs").run().succeeded();

        JsonNode heard = seen.path("heard");
        String a = seen.path("ids").path("a").asText();
        assertThat(heard.path("a")).as("the sender").isEmpty();
        assertThat(heard.path("b")).as("the other member, then the leaver").hasSize(1);
        assertThat(heard.path("b").get(0).get(0).path("from").asText()).isEqualTo(a);
        assertThat(heard.path("b").get(0).get(0).path("msg").asText()).isEqualTo("hello r1");
        assertThat(heard.path("c")).as("a non-member, then a member").hasSize(1);
        assertThat(heard.path("c").get(0).get(0).path("msg").asText()).isEqualTo("after leave");
        assertThat(seen.path("afterFirst").path("c").asInt()).isZero();
    }

    @Test
    void roomsOfTheSameNameInTwoNamespacesAreDifferentRooms() {
        JsonNode seen = scenario("namespaces.mjs").withEnv("SKYSOCKET_ADMIN_TOKEN", target.requireAdminToken()).run()
                .succeeded();

        JsonNode heard = seen.path("heard");
        assertThat(heard.path("z")).hasSize(1);
        assertThat(heard.path("z").get(0).get(0).path("msg").asText()).isEqualTo("in main");
        assertThat(heard.path("y")).hasSize(1);
        assertThat(heard.path("y").get(0).get(0).path("msg").asText()).isEqualTo("in admin");
        assertThat(heard.path("x")).isEmpty();
        assertThat(heard.path("w")).isEmpty();
    }

    @Test
    void aDroppedTransportIsReestablishedByTheClientButAnExplicitDisconnectIsNot() {
        LocalRunner runner = target.localStack("the Management API's DELETE through the local stack's signer");
        JsonNode seen;
        String firstConnection;
        try (NodeScenario.Running running = scenario("reconnect.mjs").start()) {
            firstConnection = running.awaitCheckpoint("connected").path("engineId").asText();
            // The server side ends the transport as the heartbeat's rotation would: Management API DELETE.
            boolean closed = runner.runtime().context().control().close(TestStack.recipient(runner, firstConnection));
            assertThat(closed).as("DELETE @connections/" + firstConnection).isTrue();
            seen = running.await().succeeded();
        }
        assertThat(seen.path("reason").asText()).isEqualTo("transport close");
        // "/" of the example app keeps dropped sockets: the client gets its socket back (ConnectionRecoveryIT).
        assertThat(seen.path("second").path("socketId").asText()).isEqualTo(seen.path("first").path("socketId").asText());
        assertThat(seen.path("recovered").asBoolean()).isTrue();
        assertThat(seen.path("second").path("engineId").asText()).isNotEqualTo(firstConnection);
        assertThat(seen.path("clientReason").asText()).isEqualTo("io client disconnect");
        assertThat(seen.path("afterDisconnect")).hasSize(1);

        String secondConnection = seen.path("second").path("engineId").asText();
        await().atMost(SERVER_SIDE).untilAsserted(() -> {
            assertThat(connections().find(firstConnection)).as("the closed connection's items").isEmpty();
            assertThat(connections().find(secondConnection)).as("the disconnected connection's items").isEmpty();
        });
    }

    @Test
    void anIdleClientStaysConnectedAcrossSeveralHeartbeats() {
        target.localStack("heartbeat timers of a second");
        JsonNode seen = scenario("heartbeat.mjs").timeout(Duration.ofSeconds(100)).run().succeeded();

        long window = 3 * (TestStack.PING_INTERVAL_MS + TestStack.PING_TIMEOUT_MS);
        assertThat(seen.path("idleMs").asLong()).isGreaterThan(window);
        assertThat(seen.path("pings").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(seen.path("disconnects")).isEmpty();
    }

    private static JsonNode byName(JsonNode cases, String name) {
        for (JsonNode shape : cases) {
            if (shape.path("name").asText().equals(name)) {
                return shape;
            }
        }
        throw new AssertionError("no case " + name + " in " + cases);
    }
}
