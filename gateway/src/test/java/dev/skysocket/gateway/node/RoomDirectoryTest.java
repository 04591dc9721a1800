package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.gateway.http.management.PrivateManagementApi;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.runtime.RoomNoticeSender;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.RoomKey;
import dev.skysocket.store.dynamodb.DynamoRoomDirectory;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The room directory across endpoints, on one DynamoDB Local table: node A answers a room held only on it from
 * memory, and a member that joins the room elsewhere (node B, with its own private listener, or the API Gateway
 * path) is reached by A's very next emit, because the join told A before it returned.
 */
class RoomDirectoryTest {
    private static final Duration ARRIVAL = Duration.ofSeconds(10);

    private final OperationRecorder calls = new OperationRecorder();
    private final NodeHarness h = new NodeHarness(true, DynamoDbLocalServer.client(calls));
    private final GatewayNode b;

    RoomDirectoryTest() {
        NodeSettings settings = NodeSettings.loopback().withLocalDelivery(true);
        b = GatewayNode.with(h.config, settings, DeclaredServer.configuredBy(new RoomApp()), h.dynamo,
                NodeHarness.CLIENTS, new PrivateManagementApi(FallbackGateway.listenerSettings(settings))).start();
    }

    @AfterEach
    void close() {
        b.close();
        h.close();
    }

    private FakeSession onA(String room) throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");
        h.send(session, "21[\"join\",\"" + room + "\"]");
        assertThat(session.sent()).contains("431[\"" + room + "\"]");
        return session;
    }

    private FakeSession onB(String room) throws HandshakeRefused {
        FakeSession session = new FakeSession();
        b.listener().onOpen(session);
        b.listener().onMessage(session, new EnginePacket.Message("0"));
        b.listener().onMessage(session, new EnginePacket.Message("21[\"join\",\"" + room + "\"]"));
        assertThat(session.sent()).contains("431[\"" + room + "\"]");
        return session;
    }

    private static String said(String text) {
        return "42[\"said\",\"" + text + "\"]";
    }

    /** A's room is held on A alone and A has emitted into it: its next emit reads nothing. */
    private List<FakeSession> heldOnAAlone(String room) throws HandshakeRefused {
        FakeSession sender = onA(room);
        FakeSession listener = onA(room);
        h.send(sender, "22[\"say\",\"" + room + "\",\"first\"]");
        calls.clear();
        h.send(sender, "23[\"say\",\"" + room + "\",\"second\"]");
        assertThat(listener.sent()).contains(said("first"), said("second"));
        assertThat(calls.operations()).doesNotContain("Query");
        return List.of(sender, listener);
    }

    @Test
    void aMemberJoiningOnAnotherNodeIsReachedByTheNextEmitOfTheNodeThatHeldTheRoomAlone() throws Exception {
        FakeSession sender = heldOnAAlone("r").get(0);

        FakeSession elsewhere = onB("r");
        h.send(sender, "24[\"say\",\"r\",\"after b joined\"]");

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(elsewhere.sent()).contains(said("after b joined")));
    }

    @Test
    void aMemberJoiningOnTheApiGatewayPathIsReachedByTheNextEmitOfTheNodeThatHeldTheRoomAlone() throws Exception {
        FakeSession sender = heldOnAAlone("r").get(0);

        String remote = h.connectThroughApiGateway();
        h.sendThroughApiGateway(remote, "40");
        h.sendThroughApiGateway(remote, "421[\"join\",\"r\"]");
        h.send(sender, "24[\"say\",\"r\",\"after apigw joined\"]");

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(h.apiGateway.postsTo(remote))
                .contains(said("after apigw joined")));
    }

    @Test
    void twoNodesJoiningARoomAtOnceEachReachTheOtherOnTheirNextEmit() throws Exception {
        FakeSession onA = onA("warm");
        FakeSession onB = onB("warm");
        ExecutorService joins = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String room = "race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                int ack = 100 + round;
                Future<?> a = joins.submit(() -> {
                    start.await();
                    h.send(onA, "2" + ack + "[\"join\",\"" + room + "\"]");
                    return null;
                });
                Future<?> bJoin = joins.submit(() -> {
                    start.await();
                    b.listener().onMessage(onB, new EnginePacket.Message("2" + ack + "[\"join\",\"" + room + "\"]"));
                    return null;
                });
                start.countDown();
                a.get(30, TimeUnit.SECONDS);
                bJoin.get(30, TimeUnit.SECONDS);

                h.send(onA, "2" + ack + "[\"say\",\"" + room + "\",\"from a " + round + "\"]");
                b.listener().onMessage(onB, new EnginePacket.Message("2" + ack + "[\"say\",\"" + room
                        + "\",\"from b " + round + "\"]"));

                String fromA = said("from a " + round);
                String fromB = said("from b " + round);
                await().atMost(ARRIVAL).untilAsserted(() -> {
                    assertThat(onB.sent()).as("round " + room).contains(fromA);
                    assertThat(onA.sent()).as("round " + room).contains(fromB);
                });
            }
        } finally {
            joins.shutdownNow();
        }
    }

    @Test
    void aNoticeThatCannotBeDeliveredIsLoggedAndTheJoinStillCompletes() throws Exception {
        String unreachable;
        try (ServerSocket closed = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unreachable = "http://127.0.0.1:" + closed.getLocalPort();
        }
        new DynamoRoomDirectory(h.dynamo, h.config.tableName()).register(new RoomKey("default", "/", "lost"),
                unreachable, true, System.currentTimeMillis() / 1000 + 3600, System.currentTimeMillis() / 1000);
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(RoomNoticeSender.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            FakeSession joined = onA("lost"); // asserts the join's ack
            FakeSession other = onA("lost");
            h.send(other, "22[\"say\",\"lost\",\"still delivered\"]");

            assertThat(joined.sent()).contains(said("still delivered"));
            assertThat(logged).anySatisfy(line -> assertThat(line).contains("event=room_notice_failed",
                    "room=lost", "endpoint=" + unreachable));
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void aMemberStoredWithoutARegistrationIsFoundByTheNodesFirstReadOfTheRoom() throws Exception {
        // A node with the directory off (or of a version without it) stores its member without registering it.
        NodeSettings settings = NodeSettings.loopback().withLocalDelivery(true);
        SkysocketConfig off = SkysocketConfig.from(Settings.of(Map.of("skysocket.table", h.config.tableName(),
                "skysocket.allowed-origins", NodeHarness.ORIGIN, "skysocket.room-directory", "false")));
        try (GatewayNode unregistered = GatewayNode.with(off, settings, DeclaredServer.configuredBy(new RoomApp()),
                h.dynamo, NodeHarness.CLIENTS, new PrivateManagementApi(FallbackGateway.listenerSettings(settings)))
                .start()) {
            FakeSession elsewhere = new FakeSession();
            unregistered.listener().onOpen(elsewhere);
            unregistered.listener().onMessage(elsewhere, new EnginePacket.Message("0"));
            unregistered.listener().onMessage(elsewhere, new EnginePacket.Message("21[\"join\",\"old\"]"));
            FakeSession sender = onA("old");

            h.send(sender, "22[\"say\",\"old\",\"seen\"]");
            h.send(sender, "23[\"say\",\"old\",\"seen again\"]");

            await().atMost(ARRIVAL).untilAsserted(() -> assertThat(elsewhere.sent())
                    .contains(said("seen"), said("seen again")));
        }
    }

    private static String socketId(FakeSession session) {
        String connect = session.sent().stream().filter(frame -> frame.startsWith("40{")).findFirst().orElseThrow();
        return connect.substring(connect.indexOf(":\"") + 2, connect.lastIndexOf('"'));
    }

    @Test
    void anEmitToASocketOnAnotherNodeIsReadAndOneToASocketHereIsNotAfterItsFirst() throws Exception {
        FakeSession sender = onA("any");
        FakeSession here = onA("any");
        FakeSession there = onB("any");

        h.send(sender, "22[\"say\",\"" + socketId(there) + "\",\"to b\"]");
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(there.sent()).contains(said("to b")));

        h.send(sender, "23[\"say\",\"" + socketId(here) + "\",\"first\"]");
        calls.clear();
        h.send(sender, "24[\"say\",\"" + socketId(here) + "\",\"second\"]");
        assertThat(here.sent()).contains(said("first"), said("second"));
        assertThat(calls.operations()).doesNotContain("Query");
        assertThat(there.sent()).doesNotContain(said("second"));
    }

    @Test
    void inRegisterModeANodeRegistersItsMembersButStillReadsEveryRoom() throws Exception {
        OperationRecorder registering = new OperationRecorder();
        try (NodeHarness r = new NodeHarness(true, DynamoDbLocalServer.client(registering),
                Map.of("skysocket.room-directory", "register"))) {
            FakeSession sender = r.open();
            r.send(sender, "0");
            r.send(sender, "21[\"join\",\"step\"]");
            r.send(sender, "22[\"say\",\"step\",\"one\"]");
            registering.clear();

            r.send(sender, "23[\"say\",\"step\",\"two\"]");

            assertThat(registering.operations()).contains("Query");
            assertThat(new DynamoRoomDirectory(r.dynamo, r.config.tableName()).register(
                    new RoomKey("default", "/", "step"), "http://10.0.0.9:3002", false,
                    System.currentTimeMillis() / 1000 + 60, System.currentTimeMillis() / 1000).members())
                    .containsExactly(r.node.managementUrl());
        }
    }

    @Test
    void aRoomKnownToHaveMembersElsewhereIsStillRead() throws Exception {
        onB("both");
        FakeSession sender = onA("both");
        calls.clear();

        h.send(sender, "22[\"say\",\"both\",\"read\"]");

        assertThat(calls.operations()).contains("Query");
    }
}
