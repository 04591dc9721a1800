package dev.skysocket.apigw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.api.SocketApp;
import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Prints, as one Markdown table, what connection state recovery adds in DynamoDB capacity units: each operation
 * in {@code /} (recovery off) beside the same in {@code /r} (recovery on, 2 minutes), then a recovering CONNECT.
 * Measured as {@link CapacityReport} does (DynamoDB Local, ReturnConsumedCapacity=TOTAL, one step at a time).
 * Run with {@code bench/capacity.sh --recovery}; not a test.
 */
public final class RecoveryCapacityReport {
    private static final String TENANT = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapacityMeter meter = new CapacityMeter();
    private final ManagementApiStub api = ManagementApiStub.start();
    private final ManagementApiClients clients = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));
    private final DynamoDbClient dynamo = DynamoDbLocalServer.client(meter);
    private final MutableClock clock = new MutableClock();
    private final String table = DynamoDbLocalServer.freshTable(dynamo, "recovery-capacity");
    private final SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of("skysocket.table", table,
            "skysocket.ping-interval-ms", "25000", "skysocket.ping-timeout-ms", "20000",
            "skysocket.sweep-period-ms", "5000")));
    private final ApiGatewayRuntime runtime = new ApiGatewayRuntime(config, DeclaredServer.configuredBy(app()),
            dynamo, clients, step -> request -> {
                try {
                    step.run(request);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, api.endpoint(), clock);
    private final StringBuilder rows = new StringBuilder();

    private static final PrintStream OUT = System.out;

    public static void main(String[] args) throws IOException {
        System.setOut(System.err); // DynamoDB Local's banner goes to stderr with everything but the table
        RecoveryCapacityReport report = new RecoveryCapacityReport();
        try {
            report.run();
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            System.exit(1); // a failed run must end too
        } finally {
            report.dynamo.close();
            report.api.close();
        }
        System.exit(0); // the Management API client's event loops and DynamoDB Local would keep the JVM alive
    }

    private static SocketApp app() {
        return io -> {
            for (String namespace : List.of("/", "/r")) {
                io.of(namespace)
                        .on("echo", (socket, args, ack) -> socket.emit("echo", args))
                        .on("join", (socket, args, ack) -> {
                            socket.join(args.text(0));
                            ack.send();
                        });
            }
            io.of("/r").connectionStateRecovery(Duration.ofMinutes(2));
        };
    }

    private void run() {
        String a = connected();
        String b = connected();
        String c = connected();
        pair("CONNECT", () -> send(a, "40"), () -> send(b, "40/r,"));
        measure("CONNECT to `/r` again (the pid key is read once per process, above)", () -> send(c, "40/r,"));
        fill("ten", 10);
        pair("broadcast to a room of 10", () -> runtime.emitter(TENANT).of("/").to("ten").emit("news", 1),
                () -> runtime.emitter(TENANT).of("/r").to("ten").emit("news", 1));
        pair("an event whose handler emits to its socket", () -> send(a, "42[\"echo\",\"hi\"]"),
                () -> send(b, "42/r,[\"echo\",\"hi\"]"));
        for (String room : List.of("r1", "r2")) {
            send(a, "421[\"join\",\"" + room + "\"]");
            send(b, "42/r,1[\"join\",\"" + room + "\"]");
        }
        String pid = pidOf(b);
        pair("`$disconnect`, socket in 2 rooms (kept when recovery is on)", () -> disconnect(a), () -> disconnect(b));
        for (int i = 0; i < 3; i++) {
            runtime.emitter(TENANT).of("/r").to("r1").emit("news", i);
        }
        String d = connected();
        measure("recovering CONNECT to `/r`, 3 packets missed (pid, no offset: log read from the socket's start)",
                () -> send(d, "40/r,{\"pid\":\"" + pid + "\"}"));

        OUT.println("Table `" + table + "` on DynamoDB Local, ReturnConsumedCapacity=TOTAL.\n");
        OUT.println("| operation | read units | write units | calls |");
        OUT.println("|---|---:|---:|---|");
        OUT.print(rows);
    }

    private void pair(String name, Runnable off, Runnable on) {
        measure(name + ", recovery off (`/`)", off);
        measure(name + ", recovery on (`/r`)", on);
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

    /** Room members written straight through the stores in both namespaces. */
    private void fill(String room, int size) {
        long expiresAt = clock.instant().getEpochSecond() + 86_400;
        for (String namespace : List.of("/", "/r")) {
            for (int i = 0; i < size; i++) {
                SocketRecord socket = new SocketRecord(room + namespace.length() + "-" + i + "=", namespace,
                        "s" + room + namespace.length() + i, TENANT, Set.of(), null, null, clock.millis());
                runtime.context().sockets().putSocket(socket);
                runtime.context().rooms().join(socket, api.endpoint(), room, expiresAt);
            }
        }
    }

    private String pidOf(String connectionId) {
        for (ManagementApiStub.Request request : api.requests()) {
            String body = request.bodyText();
            if (request.connectionId().equals(connectionId) && body.startsWith("40/r,")) {
                try {
                    JsonNode answer = JSON.readTree(body.substring("40/r,".length()));
                    return answer.path("pid").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no CONNECT answer with a pid for " + connectionId);
    }

    private String connected() {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        var response = runtime.connect().handle(RouteHarness.event(id, "$connect", "CONNECT", null,
                Map.of("EIO", "4", "transport", "websocket"), Map.of()));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("refused: " + response.getStatusCode());
        }
        return id;
    }

    private void send(String id, String frame) {
        runtime.message().handle(RouteHarness.event(id, "$default", "MESSAGE", frame, null, null));
    }

    private void disconnect(String id) {
        runtime.disconnect().handle(RouteHarness.event(id, "$disconnect", "DISCONNECT", null, null, null));
    }
}
