package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.fanout.ManagementApiFanout;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.Member;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.store.SocketStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Fan-out through the emulator's Management API (DESIGN §6): a recipient whose connection is gone answers 410
 * and loses its items; the sender never does; 429 and 5xx answers (scripted in the emulator) are retried. A gone connection whose {@code $disconnect} never ran (AWS
 * delivers it best-effort) is set up as {@code $connect} and a join would have left it: items in the store for a
 * connection the emulator does not have.
 */
@Timeout(60)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: needs the emulator's fault injection and direct DynamoDB reads of the local stack")
class FanoutIT {
    private static final Duration SERVER_SIDE = Duration.ofSeconds(10);
    private static LocalRunner runner;

    @BeforeAll
    static void startStack() {
        runner = TestStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aSayToARoomPrunesTheGoneMemberAndNeverTheSender() {
        try (RawClient sender = joined("r1"); RawClient member = joined("r1")) {
            String tenant = connections().find(sender.connectionId()).orElseThrow().tenant();
            String gone = leftBehindInRoom(tenant, "r1");
            assertThat(socketIds(tenant, "r1")).hasSize(3);

            sender.send("425[\"say\",{\"room\":\"r1\",\"msg\":\"who is there\"}]");
            assertThat(sender.awaitText(text -> text.startsWith("435["))).isEqualTo("435[]");
            String said = member.awaitText(text -> text.startsWith("42[\"said\""));
            assertThat(said).contains("who is there");

            await().atMost(SERVER_SIDE).untilAsserted(() -> {
                assertThat(connections().find(gone)).as("the gone recipient's connection").isEmpty();
                assertThat(sockets().sockets(gone)).as("the gone recipient's sockets").isEmpty();
                assertThat(socketIds(tenant, "r1")).as("r1's members").hasSize(2)
                        .doesNotContain("socket-of-" + gone);
            });
            assertThat(connections().find(sender.connectionId())).as("the sender").isPresent();
            assertThat(connections().find(member.connectionId())).as("the live member").isPresent();
        }
    }

    @Test
    void theFanoutReportsAGoneRecipientAndItsListenerRemovesOnlyThatOne() {
        try (RawClient live = joined("r2")) {
            String tenant = connections().find(live.connectionId()).orElseThrow().tenant();
            String gone = leftBehindInRoom(tenant, "r2");
            List<Recipient> told = new CopyOnWriteArrayList<>();
            FanoutReport report;
            try (ManagementApiClients clients = localClients()) {
                ManagementApiFanout fanout = new ManagementApiFanout(clients, recipient -> {
                    told.add(recipient);
                    connections().remove(recipient.connectionId());
                }, 4);
                report = fanout.deliver(List.of("42[\"said\",{\"msg\":\"first\"}]", "42[\"said\",{\"msg\":\"second\"}]"),
                        List.of(TestStack.recipient(runner, live.connectionId()), TestStack.recipient(runner, gone)));
            }

            assertThat(report.delivered()).isEqualTo(1);
            assertThat(report.gone()).isEqualTo(1);
            assertThat(report.failed()).isZero();
            assertThat(report.goneConnectionIds()).containsExactly(gone);
            assertThat(told).extracting(Recipient::connectionId).containsExactly(gone);
            assertThat(live.awaitText(text -> text.startsWith("42[\"said\""))).contains("first");
            assertThat(live.awaitText(text -> text.startsWith("42[\"said\""))).contains("second");
            assertThat(connections().find(gone)).isEmpty();
            assertThat(connections().find(live.connectionId())).isPresent();
        }
    }

    @Test
    void throttledAndFailingPostsAreRetriedUntilDeliveredAndPruneNobody() {
        try (RawClient throttled = joined("r3"); RawClient failing = joined("r3")) {
            // The emulator answers the next posts 429 LimitExceeded / 500, as AWS does under load.
            runner.emulator().faults().throttleNextPosts(throttled.connectionId(), 2);
            runner.emulator().faults().failNextPosts(failing.connectionId(), 2);
            FanoutReport report;
            try (ManagementApiClients clients = localClients()) {
                ManagementApiFanout fanout = new ManagementApiFanout(clients,
                        recipient -> connections().remove(recipient.connectionId()), 4);
                report = fanout.deliver(List.of("42[\"said\",{\"msg\":\"despite faults\"}]"),
                        List.of(TestStack.recipient(runner, throttled.connectionId()),
                                TestStack.recipient(runner, failing.connectionId())));
            }

            assertThat(report.delivered()).isEqualTo(2);
            assertThat(report.gone()).isZero();
            assertThat(report.failed()).isZero();
            assertThat(report.retries()).isEqualTo(4);
            assertThat(throttled.awaitText(text -> text.startsWith("42[\"said\""))).contains("despite faults");
            assertThat(failing.awaitText(text -> text.startsWith("42[\"said\""))).contains("despite faults");
            assertThat(connections().find(throttled.connectionId())).isPresent();
            assertThat(connections().find(failing.connectionId())).isPresent();
        }
    }

    @Test
    void aSayReachesAThrottledMemberAfterRetries() {
        try (RawClient sender = joined("r4"); RawClient member = joined("r4")) {
            runner.emulator().faults().throttleNextPosts(member.connectionId(), 3);

            sender.send("426[\"say\",{\"room\":\"r4\",\"msg\":\"through the throttle\"}]");

            assertThat(sender.awaitText(text -> text.startsWith("436["))).isEqualTo("436[]");
            assertThat(member.awaitText(text -> text.startsWith("42[\"said\""))).contains("through the throttle");
            assertThat(connections().find(member.connectionId())).isPresent();
        }
    }

    private static ManagementApiClients localClients() {
        return new ManagementApiClients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")), 8, Duration.ofSeconds(5));
    }

    /** A live client, joined to "/" and to {@code room}. */
    private static RawClient joined(String room) {
        RawClient client = RawClient.connect(runner.websocketUrl(), TestStack.path(runner), true);
        client.handshake("/");
        client.send("421[\"join\",\"" + room + "\"]");
        assertThat(client.awaitText(text -> text.startsWith("431["))).isEqualTo("431[\"" + room + "\"]");
        return client;
    }

    /**
     * The items a connection leaves when it is gone but {@code $disconnect} never ran: stored, in the room, not
     * due for a ping (so only the fan-out can find out it is gone).
     */
    private static String leftBehindInRoom(String tenant, String room) {
        String id = "gone-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        long expiresAt = now / 1000 + 3600;
        String endpoint = runner.managementEndpoint();
        connections().create(new ConnectionRecord(id, endpoint, "websocket", true, tenant, null, "127.0.0.1",
                Map.of(), Map.of("EIO", "4", "transport", "websocket"), now, now + 600_000, false, true, expiresAt,
                null));
        SocketRecord socket = new SocketRecord(id, "/", "socket-of-" + id, tenant, Set.of(), "{}", "{}", now);
        sockets().putSocket(socket);
        rooms().join(socket, endpoint, socket.socketId(), expiresAt);
        rooms().join(socket, endpoint, room, expiresAt);
        return id;
    }

    private static List<String> socketIds(String tenant, String room) {
        List<String> ids = new ArrayList<>();
        for (Member member : rooms().members(tenant, "/", room)) {
            ids.add(member.socketId());
        }
        return ids;
    }

    private static ConnectionStore connections() {
        return runner.runtime().context().connections();
    }

    private static SocketStore sockets() {
        return runner.runtime().context().sockets();
    }

    private static RoomStore rooms() {
        return runner.runtime().context().rooms();
    }
}
