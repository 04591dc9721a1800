package dev.skysocket.apigw;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.store.dynamodb.DynamoSchema;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prints, as Markdown tables, the DynamoDB capacity units each Skysocket operation consumes, as DynamoDB Local
 * reports them (ReturnConsumedCapacity=TOTAL), each step measured alone with the meter reset before it; then the
 * broadcast lookup per room size and table size beside AWS's documented minimum and beside a Scan of every
 * connection ({@link BroadcastCapacity}); then an idle connection-hour on a simulated clock ({@link IdleHour}).
 * Writes the figures to a counts file for the cost model. Run with bench/capacity.sh; not a test.
 *
 * <p>Arguments: {@code --tables=1000,100000 --rooms=10,1000,10000 --counts=FILE}, or {@code --smoke} for tiny sizes.
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
    private final ApiGatewayRuntime runtime = new ApiGatewayRuntime(config, DeclaredServer.configuredBy(new App()),
            dynamo, clients, step -> request -> {
                try {
                    step.run(request);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, api.endpoint(), clock);
    private final StringBuilder rows = new StringBuilder();
    private final Counts counts = new Counts();

    /** The tables' stream: DynamoDB Local prints its banner on standard output, so everything else goes to stderr. */
    private static final PrintStream OUT = System.out;

    public static void main(String[] args) throws IOException {
        System.setOut(System.err);
        String joined = String.join(" ", args);
        boolean smoke = joined.contains("--smoke");
        long[] tables = sizes(args, "--tables=", smoke ? "100" : "1000,100000");
        long[] rooms = sizes(args, "--rooms=", smoke ? "10,50" : "10,1000,10000");
        String countsFile = Arrays.stream(args).filter(a -> a.startsWith("--counts=")).findFirst()
                .map(a -> a.substring("--counts=".length())).orElse(null);
        CapacityReport report = new CapacityReport();
        try {
            report.run(tables, rooms, smoke);
            if (countsFile != null) {
                report.counts.mergeInto(Path.of(countsFile));
                System.err.println("counts merged into " + countsFile);
            }
        } catch (RuntimeException | IOException e) {
            e.printStackTrace();
            System.exit(1); // as below: a failed run must end too
        } finally {
            report.close();
        }
        System.exit(0); // the Management API client's event loops and DynamoDB Local would keep the JVM alive
    }

    private static long[] sizes(String[] args, String prefix, String fallback) {
        String list = Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> a.substring(prefix.length())).orElse(fallback);
        return Arrays.stream(list.split(",")).mapToLong(v -> Long.parseLong(v.trim().replace("_", ""))).toArray();
    }

    private void run(long[] tables, long[] rooms, boolean smoke) {
        String a = newId();
        measure("connect", "`$connect` (incl. open step's markOpened)", () -> connect(a));
        measure("namespace_connect", "CONNECT to `/` (`40`)", () -> send(a, "40"));
        clock.advance(Duration.ofMillis(config.pingIntervalMs()));
        measure("sweep", "heartbeat sweep, 1 due connection (8 shard queries)", () -> runtime.heartbeat().run());
        measure("pong", "pong (`3`)", () -> send(a, "3"));
        measure("join", "`join` a room (event handler)", () -> send(a, "421[\"join\",\"r1\"]"));
        measure("echo", "echo event (no store access by the app)", () -> send(a, "42[\"echo\",\"hi\"]"));
        measure("leave", "`leave` a room (event handler)", () -> send(a, "422[\"leave\",\"r1\"]"));

        String b = newId();
        connect(b);
        send(b, "40");
        send(b, "421[\"join\",\"r1\"]");
        send(b, "422[\"join\",\"r2\"]");
        measure("disconnect", "`$disconnect`, socket in 2 rooms", () -> runtime.disconnect()
                .handle(RouteHarness.event(b, "$disconnect", "DISCONNECT", null, null, null)));
        fill("template", 1);
        fill("ten", 10);
        measure("broadcast10", "broadcast to a room of 10 (member lookup)",
                () -> runtime.emitter(TENANT).of("/").to("ten").emit("news", 1));

        OUT.println("Table `" + table + "` on DynamoDB Local, ReturnConsumedCapacity=TOTAL.\n");
        OUT.println("| operation | read units | write units | calls |");
        OUT.println("|---|---:|---:|---|");
        OUT.print(rows);

        BroadcastCapacity broadcasts = new BroadcastCapacity(dynamo, meter,
                item(DynamoSchema.connectionKey(a)), item(DynamoSchema.socketKey(a, "/")),
                item(DynamoSchema.membershipKey(TENANT, "/", "template", "stemplate0", config.roomShards())),
                TENANT, this::broadcastIn, counts);
        OUT.println("\n### Item sizes\n");
        OUT.print(broadcasts.itemSizes());
        OUT.println("\n" + GsiCheck.run(table, item(DynamoSchema.connectionKey(a))));
        OUT.println("### Broadcast lookup by room size and table size\n");
        OUT.print(broadcasts.measure(tables, rooms));
        OUT.println("\n### An idle connection-hour (simulated clock, 110 minutes scaled to an hour)\n");
        OUT.print(IdleHour.report(counts, smoke));
    }

    private BroadcastCapacity.Broadcast broadcastIn(String otherTable) {
        SkysocketConfig other = SkysocketConfig.from(Settings.of(Map.of("skysocket.table", otherTable)));
        ApiGatewayRuntime runtimeThere = new ApiGatewayRuntime(other, DeclaredServer.configuredBy(new App()), dynamo,
                clients, step -> request -> { }, api.endpoint(), clock);
        return room -> runtimeThere.emitter(TENANT).of("/").to(room).emit("news", 1);
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException("no template item at " + key);
        }
        return item;
    }

    private void measure(String key, String name, Runnable step) {
        meter.reset();
        step.run();
        rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %d: %s |%n", name, units(meter.readUnits()),
                units(meter.writeUnits()), meter.callCount(), meter.calls()));
        counts.put("op." + key + ".rru", meter.readUnits());
        counts.put("op." + key + ".wru", meter.writeUnits());
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
            runtime.context().sockets().putSocket(socket);
            runtime.context().rooms().join(socket, api.endpoint(), room, expiresAt);
        }
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
