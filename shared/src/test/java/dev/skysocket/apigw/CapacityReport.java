package dev.skysocket.apigw;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.SocketApp;
import dev.skysocket.server.SocketServer;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Prints, as a Markdown table, the DynamoDB capacity units each Skysocket operation consumes, as DynamoDB Local
 * reports them (ReturnConsumedCapacity=TOTAL). Each step is measured alone, the meter reset before it. A full-table
 * Scan at the same table size stands beside each broadcast, for comparison with designs that scan for recipients.
 * Run with bench/capacity.sh; not a test, so it never runs in CI.
 */
public final class CapacityReport {
    private static final String TENANT = "default";

    private final CapacityMeter meter = new CapacityMeter();
    private final ManagementApiStub api = ManagementApiStub.start();
    private final ManagementApiClients clients = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));
    private final DynamoDbClient dynamo = DynamoDbLocalServer.client(meter);
    private final MutableClock clock = new MutableClock();
    private final String table = DynamoDbLocalServer.freshTable(dynamo, "capacity");
    private final SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of(
            "skysocket.table", table,
            "skysocket.ping-interval-ms", "25000",
            "skysocket.ping-timeout-ms", "20000",
            "skysocket.sweep-period-ms", "5000")));
    private final ApiGatewayRuntime runtime = new ApiGatewayRuntime(config, SocketServer.configuredBy(new App()),
            dynamo, clients, step -> request -> {
                try {
                    step.run(request);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, api.endpoint(), clock);
    private final StringBuilder rows = new StringBuilder();

    public static void main(String[] args) {
        CapacityReport report = new CapacityReport();
        try {
            report.run();
        } finally {
            report.close();
        }
        System.exit(0); // the Management API client's event loops and DynamoDB Local would keep the JVM alive
    }

    private void run() {
        String a = newId();
        measure("`$connect` (incl. open step's markOpened)", () -> connect(a));
        measure("CONNECT to `/` (`40`)", () -> send(a, "40"));
        clock.advance(Duration.ofMillis(config.pingIntervalMs()));
        measure("heartbeat sweep, 1 due connection (8 shard queries)", () -> runtime.heartbeat().run());
        measure("pong (`3`)", () -> send(a, "3"));
        measure("`join` a room (event handler)", () -> send(a, "421[\"join\",\"r1\"]"));
        measure("echo event (no store access by the app)", () -> send(a, "42[\"echo\",\"hi\"]"));
        measure("`leave` a room (event handler)", () -> send(a, "422[\"leave\",\"r1\"]"));

        String b = newId();
        connect(b);
        send(b, "40");
        send(b, "421[\"join\",\"r1\"]");
        send(b, "422[\"join\",\"r2\"]");
        measure("`$disconnect`, socket in 2 rooms", () -> runtime.disconnect()
                .handle(RouteHarness.event(b, "$disconnect", "DISCONNECT", null, null, null)));

        for (int size : new int[] {10, 1_000}) {
            String room = "big" + size;
            fill(room, size);
            measure("broadcast to a room of " + String.format(Locale.ROOT, "%,d", size) + " (member lookup)",
                    () -> runtime.emitter(TENANT).of("/").to(room).emit("news", 1));
            measure("full-table Scan at that size (for comparison)", this::scanAll);
        }
        System.out.println("Table `" + table + "` on DynamoDB Local, ReturnConsumedCapacity=TOTAL.\n");
        System.out.println("| operation | read units | write units | calls |");
        System.out.println("|---|---:|---:|---|");
        System.out.print(rows);
    }

    private void measure(String name, Runnable step) {
        meter.reset();
        step.run();
        rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %d: %s |%n", name, units(meter.readUnits()),
                units(meter.writeUnits()), meter.callCount(), meter.calls()));
        System.err.println("measured: " + name);
    }

    private static String units(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Room members written straight through the stores (socket item, then membership), bounded above. */
    private void fill(String room, int size) {
        long expiresAt = clock.instant().getEpochSecond() + 86_400;
        for (int i = 0; i < size; i++) {
            String connectionId = room + "-" + i + "=";
            SocketRecord socket = new SocketRecord(connectionId, "/", "s" + room + i, TENANT, Set.of(), null,
                    null, clock.millis());
            runtime.context().connections().putSocket(socket);
            runtime.context().rooms().join(socket, api.endpoint(), room, expiresAt);
        }
    }

    private void scanAll() {
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).forEach(page -> { });
    }

    private void connect(String id) {
        var response = runtime.connect().handle(RouteHarness.event(id, "$connect", "CONNECT", null,
                Map.of("EIO", "4", "transport", "websocket"), Map.of()));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("refused: " + response.getStatusCode());
        }
    }

    private void send(String id, String frame) {
        runtime.message().handle(RouteHarness.event(id, "$default", "MESSAGE", frame, null, null));
    }

    private static String newId() {
        return UUID.randomUUID().toString().substring(0, 15) + "=";
    }

    private void close() {
        dynamo.close();
        api.close();
    }

    /** join, leave and echo: the operations measured above. */
    private static final class App implements SocketApp {
        @Override
        public void configure(SocketServer io) {
            io.of("/")
                    .on("echo", (socket, args, ack) -> socket.emit("echo", args))
                    .on("join", (socket, args, ack) -> {
                        socket.join(args.text(0));
                        ack.send();
                    })
                    .on("leave", (socket, args, ack) -> {
                        socket.leave(args.text(0));
                        ack.send();
                    });
        }
    }
}
