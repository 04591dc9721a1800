package dev.skysocket.benchmarks.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.BroadcastOperator;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ConnectionControl;
import dev.skysocket.fanout.ConnectionInfo;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.server.ServerContext;
import dev.skysocket.server.StoreEmitter;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.store.dynamodb.DynamoConnectionStore;
import dev.skysocket.store.dynamodb.DynamoRoomStore;
import dev.skysocket.store.dynamodb.DynamoSchema;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB capacity of fetchSockets, socketsJoin and disconnectSockets(true) on rooms of 10, 1,000 and 10,000
 * members, as DynamoDB Local reports it (ReturnConsumedCapacity=TOTAL); prints a Markdown table for
 * docs/benchmarks.md. Counts only: no timing. The build runs it on small rooms ({@code 10,100}); the page's figures come
 * from {@code -Dbench.remote-sizes=10,1000,10000}.
 */
class RemoteSocketsCapacityTest {
    private static final String ENDPOINT = "https://abc123.execute-api.us-east-1.amazonaws.com/prod";
    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long EXPIRES_AT = NOW.plus(Duration.ofHours(1)).getEpochSecond();
    private static final int[] SIZES = Arrays.stream(System.getProperty("bench.remote-sizes", "10,100").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();

    @Test
    void unitsPerCallByRoomSize() {
        UnitsMeter meter = new UnitsMeter();
        AtomicInteger closes = new AtomicInteger();
        StringBuilder table = new StringBuilder("| room members | call | read units | write units | calls |\n"
                + "|---:|---|---:|---:|---|\n");
        try (DynamoDbClient client = DynamoDbLocalServer.client(meter)) {
            String name = DynamoDbLocalServer.freshTable(client, "remote");
            DynamoConnectionStore connections = new DynamoConnectionStore(client, name, 1, at -> EXPIRES_AT, CLOCK);
            DynamoRoomStore rooms = new DynamoRoomStore(client, name, 1, CLOCK);
            ServerContext ctx = new ServerContext(SkysocketConfig.from(Settings.of(Map.of("skysocket.table", name))),
                    DeclaredServer.configuredBy(io -> io.of("/")), connections, connections, connections, rooms, null,
                    counting(closes), CLOCK);
            StoreEmitter emitter = new StoreEmitter(ctx, "acme");
            for (int size : SIZES) {
                String room = "room-" + size;
                RoomFill.fill(client, name, template(client, name, connections, rooms, room), room + "-", size - 1);
                BroadcastOperator target = emitter.of("/").in(room);

                AtomicInteger found = new AtomicInteger();
                row(table, meter, size, "fetchSockets", () -> found.set(target.fetchSockets().size()));
                assertThat(found.get()).isEqualTo(size);
                row(table, meter, size, "socketsJoin(1 room)", () -> target.socketsJoin("gathered-" + size));
                row(table, meter, size, "disconnectSockets(true)", () -> target.disconnectSockets(true));
            }
        }
        assertThat(closes.get()).isEqualTo(Arrays.stream(SIZES).sum());
        System.out.println(table);
    }

    private static void row(StringBuilder table, UnitsMeter meter, int size, String call, Runnable work) {
        meter.reset();
        work.run();
        table.append(String.format("| %,d | `%s` | %s | %s | %s |%n", size, call, units(meter.readUnits()),
                units(meter.writeUnits()), meter.calls()));
    }

    private static String units(double value) {
        return value == Math.rint(value) ? String.format("%,d", (long) value) : String.format("%,.1f", value);
    }

    /** One member stored by the product itself; its items are the copies' template. */
    private static RoomFill.Template template(DynamoDbClient client, String table, DynamoConnectionStore connections,
                                              DynamoRoomStore rooms, String room) {
        String connectionId = room + "-template";
        String socketId = room + "-template-socket";
        connections.create(new ConnectionRecord(connectionId, ENDPOINT, "websocket", true, "acme", null,
                "203.0.113.7", Map.of("origin", "https://app.example"), Map.of("EIO", "4", "transport", "websocket"),
                NOW.toEpochMilli(), NOW.toEpochMilli() + 540_000, false, true, EXPIRES_AT, null));
        SocketRecord socket = new SocketRecord(connectionId, "/", socketId, "acme", Set.of(room), "{}", null,
                NOW.toEpochMilli());
        connections.putSocket(socket);
        rooms.addMemberships(socket, ENDPOINT, Set.of(room), EXPIRES_AT);
        return new RoomFill.Template(item(client, table, DynamoSchema.connectionKey(connectionId)),
                item(client, table, DynamoSchema.socketKey(connectionId, "/")),
                item(client, table, DynamoSchema.membershipKey("acme", "/", room, socketId, 1)));
    }

    private static Map<String, AttributeValue> item(DynamoDbClient client, String table,
                                                    Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        assertThat(item).isNotEmpty();
        return item;
    }

    /** A Management API stand-in for disconnectSockets(true): counts the DELETEs it would send. */
    private static ConnectionControl counting(AtomicInteger closes) {
        return new ConnectionControl() {
            @Override
            public boolean post(Recipient recipient, String frame) {
                return true;
            }

            @Override
            public Optional<ConnectionInfo> get(Recipient recipient) {
                return Optional.empty();
            }

            @Override
            public boolean close(Recipient recipient) {
                closes.incrementAndGet();
                return true;
            }
        };
    }
}
