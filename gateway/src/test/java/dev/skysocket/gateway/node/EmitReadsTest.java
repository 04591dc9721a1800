package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB calls per emit into a room on a gateway node, counted at the SDK (real DynamoDB Local): a room whose
 * members all live on this node, and the same room with one member on API Gateway. Prints the counts per emit
 * (docs/benchmarks.md quotes them) and asserts what the node must never need.
 */
class EmitReadsTest {
    private static final int MEMBERS = 10;
    private static final int EMITS = 50;

    private final OperationRecorder calls = new OperationRecorder();
    private final NodeHarness h = new NodeHarness(true, DynamoDbLocalServer.client(calls));

    @AfterEach
    void close() {
        h.close();
    }

    private List<FakeSession> room(String room) throws HandshakeRefused {
        return room(h, room);
    }

    private static List<FakeSession> room(NodeHarness h, String room) throws HandshakeRefused {
        List<FakeSession> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            FakeSession session = h.open();
            h.send(session, "0");
            h.send(session, "21[\"join\",\"" + room + "\"]");
            members.add(session);
        }
        return members;
    }

    /** Each member emits in turn, as in the room latency benchmark; returns calls per emit by operation. */
    private Map<String, Double> perEmit(List<FakeSession> members, String room) {
        return perEmit(h, calls, members, room);
    }

    private static Map<String, Double> perEmit(NodeHarness h, OperationRecorder calls, List<FakeSession> members,
                                               String room) {
        for (FakeSession member : members) {
            h.send(member, "22[\"say\",\"" + room + "\",\"warm\"]");
        }
        calls.clear();
        for (int i = 0; i < EMITS; i++) {
            h.send(members.get(i % MEMBERS), "2" + (100 + i) + "[\"say\",\"" + room + "\"," + i + "]");
        }
        Map<String, Integer> totals = new TreeMap<>();
        calls.operations().forEach(op -> totals.merge(op, 1, Integer::sum));
        Map<String, Double> counts = new TreeMap<>();
        totals.forEach((op, n) -> counts.put(op, (double) n / EMITS));
        return counts;
    }

    @Test
    void anEmitIntoARoomHeldOnThisNodeReadsNeitherTheSessionNorItsOwnMembers() throws HandshakeRefused {
        List<FakeSession> members = room("lobby");

        Map<String, Double> counts = perEmit(members, "lobby");

        System.out.println("[emit-reads] room of " + MEMBERS + " on this node, DynamoDB calls per emit: " + counts);
        assertThat(members.get(1).sent()).contains("42[\"said\",0]");
        assertThat(counts).doesNotContainKeys("GetItem", "BatchGetItem");
        assertThat(counts.getOrDefault("Query", 0.0)).isLessThanOrEqualTo(2.0);
    }

    @Test
    void withTheRoomDirectoryAnEmitIntoARoomHeldOnThisNodeReadsNothingWithoutItTwoQueries() throws Exception {
        OperationRecorder offCalls = new OperationRecorder();
        Map<String, Double> off;
        try (NodeHarness without = new NodeHarness(true, DynamoDbLocalServer.client(offCalls),
                Map.of("skysocket.room-directory", "false"))) {
            off = perEmit(without, offCalls, room(without, "lobby"), "lobby");
        }
        List<FakeSession> members = room("lobby");
        Map<String, Double> on = perEmit(members, "lobby");

        System.out.println("[emit-reads] room of " + MEMBERS + " on this node, DynamoDB calls per emit, room "
                + "directory off: " + off + ", on: " + on);
        assertThat(members.get(1).sent()).contains("42[\"said\",0]", "42[\"said\"," + (EMITS - 1) + "]");
        assertThat(off.getOrDefault("Query", 0.0)).isEqualTo(2.0);
        assertThat(on).doesNotContainKeys("Query", "GetItem", "BatchGetItem");
    }

    @Test
    void emitsIntoOneRoomAtOnceShareReadsAndEveryMemberStillGetsEveryEmit() throws Exception {
        List<FakeSession> members = room("busy");
        String remote = h.connectThroughApiGateway();
        h.sendThroughApiGateway(remote, "40");
        h.sendThroughApiGateway(remote, "421[\"join\",\"busy\"]");
        calls.clear();
        ExecutorService senders = Executors.newFixedThreadPool(MEMBERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < MEMBERS; m++) {
                int sender = m;
                // Each member emits in its own thread, one event at a time, as its session's worker would.
                done.add(senders.submit(() -> {
                    for (int i = 0; i < EMITS / MEMBERS; i++) {
                        h.send(members.get(sender), "2" + (100 + i) + "[\"say\",\"busy\",\"" + sender + "-" + i
                                + "\"]");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        long queries = calls.operations().stream().filter("Query"::equals).count();
        System.out.printf("[emit-reads] %d members emitting at once into a room of %d + 1 on API Gateway: "
                + "%.2f Queries per emit%n", MEMBERS, MEMBERS, queries / (double) EMITS);
        assertThat(queries).isLessThanOrEqualTo(2L * EMITS);
        List<String> posts = h.apiGateway.postsTo(remote);
        for (int m = 0; m < MEMBERS; m++) {
            for (int i = 0; i < EMITS / MEMBERS; i++) {
                String frame = "42[\"said\",\"" + m + "-" + i + "\"]";
                assertThat(posts).contains(frame);
                for (int other = 0; other < MEMBERS; other++) {
                    if (other != m) {
                        assertThat(members.get(other).sent()).containsOnlyOnce(frame);
                    }
                }
            }
        }
    }

    @Test
    void anEmitIntoARoomWithAMemberOnApiGatewayStillReachesIt() throws HandshakeRefused {
        List<FakeSession> members = room("mixed");
        String remote = h.connectThroughApiGateway();
        h.sendThroughApiGateway(remote, "40");
        h.sendThroughApiGateway(remote, "421[\"join\",\"mixed\"]");

        Map<String, Double> counts = perEmit(members, "mixed");

        System.out.println("[emit-reads] room of " + MEMBERS + " here + 1 on API Gateway, DynamoDB calls per emit: "
                + counts);
        assertThat(h.apiGateway.postsTo(remote)).contains("42[\"said\",0]", "42[\"said\"," + (EMITS - 1) + "]");
        assertThat(members.get(1).sent()).contains("42[\"said\",0]");
    }
}
