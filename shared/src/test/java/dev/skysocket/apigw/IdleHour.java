package dev.skysocket.apigw;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.SocketServer;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One idle connection for one hour on a simulated clock: the scheduled sweep runs every sweep period, each ping
 * the sweep posts is answered with a pong through the {@code $default} route, and nothing else happens. Counts
 * the billed messages both ways (pings out, pongs in), the invocations and the capacity units, for the product's
 * heartbeat settings and for Socket.IO's defaults (ping every 25 s) run through the same code.
 */
final class IdleHour {
    private static final Duration HOUR = Duration.ofHours(1);

    private IdleHour() {
    }

    record Result(String name, long pingIntervalMs, long sweepPeriodMs, long framesOut, long framesIn,
                  long defaultInvocations, long sweeps, double sweepRru, double sweepWru, double pongRru,
                  double pongWru, boolean stillOpen) {
        long frames() {
            return framesOut + framesIn;
        }
    }

    static String report(Counts counts) {
        Result ours = simulate("skysocket", Map.of());
        Result socketIo = simulate("socketio", Map.of("skysocket.ping-interval-ms", "25000",
                "skysocket.ping-timeout-ms", "20000", "skysocket.sweep-period-ms", "5000"));
        StringBuilder text = new StringBuilder("""
                | heartbeat | ping interval / sweep period | frames out (pings) | frames in (pongs) | billed \
                messages per hour | `$default` invocations | sweeps | read units (sweep + pong) | write units \
                (sweep + pong) | connection still open |
                |---|---|---:|---:|---:|---:|---:|---|---|---|
                """);
        for (Result r : List.of(ours, socketIo)) {
            text.append(String.format(Locale.ROOT, "| %s | %d s / %d s | %d | %d | **%d** | %d | %d | %s + %s | %s + %s | %s |%n",
                    r.name().equals("skysocket") ? "Skysocket defaults" : "Socket.IO defaults (25 s / 20 s)",
                    r.pingIntervalMs() / 1000, r.sweepPeriodMs() / 1000, r.framesOut(), r.framesIn(), r.frames(),
                    r.defaultInvocations(), r.sweeps(), num(r.sweepRru()), num(r.pongRru()), num(r.sweepWru()),
                    num(r.pongWru()), r.stillOpen() ? "yes" : "no"));
            String p = "idle." + r.name() + ".";
            counts.put(p + "frames_out_per_hour", r.framesOut());
            counts.put(p + "frames_in_per_hour", r.framesIn());
            counts.put(p + "default_invocations_per_hour", r.defaultInvocations());
            counts.put(p + "sweeps_per_hour", r.sweeps());
            counts.put(p + "sweep_rru_per_hour", r.sweepRru());
            counts.put(p + "sweep_wru_per_hour", r.sweepWru());
            counts.put(p + "pong_rru_per_hour", r.pongRru());
            counts.put(p + "pong_wru_per_hour", r.pongWru());
        }
        return text.toString();
    }

    static Result simulate(String name, Map<String, String> overrides) {
        CapacityMeter meter = new CapacityMeter();
        MutableClock clock = new MutableClock();
        try (ManagementApiStub api = ManagementApiStub.start();
             DynamoDbClient dynamo = DynamoDbLocalServer.client(meter)) {
            String table = DynamoDbLocalServer.freshTable(dynamo, "idle-" + name);
            Map<String, String> settings = new HashMap<>(overrides);
            settings.put("skysocket.table", table);
            SkysocketConfig config = SkysocketConfig.from(Settings.of(settings));
            ManagementApiClients clients = new ManagementApiClients(Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 4,
                    Duration.ofSeconds(5));
            ApiGatewayRuntime runtime = new ApiGatewayRuntime(config, SocketServer.configuredBy(io -> io.of("/")),
                    dynamo, clients, step -> request -> {
                        try {
                            step.run(request);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, api.endpoint(), clock);
            String id = "idle-" + name + "-0=";
            runtime.connect().handle(RouteHarness.event(id, "$connect", "CONNECT", null,
                    Map.of("EIO", "4", "transport", "websocket"), Map.of()));
            runtime.message().handle(RouteHarness.event(id, "$default", "MESSAGE", "40", null, null));
            int postsBefore = api.postsTo(id).size();
            long framesIn = 0;
            long sweeps = 0;
            double sweepRru = 0;
            double sweepWru = 0;
            double pongRru = 0;
            double pongWru = 0;
            for (long t = 0; t < HOUR.toMillis(); t += config.sweepPeriodMs()) {
                clock.advance(Duration.ofMillis(config.sweepPeriodMs()));
                int seen = api.postsTo(id).size();
                meter.reset();
                runtime.heartbeat().run();
                sweeps++;
                sweepRru += meter.readUnits();
                sweepWru += meter.writeUnits();
                List<String> posts = api.postsTo(id);
                for (String frame : posts.subList(seen, posts.size())) {
                    if (frame.equals("2")) {
                        meter.reset();
                        runtime.message().handle(RouteHarness.event(id, "$default", "MESSAGE", "3", null, null));
                        framesIn++;
                        pongRru += meter.readUnits();
                        pongWru += meter.writeUnits();
                    }
                }
            }
            long framesOut = api.postsTo(id).size() - postsBefore;
            boolean closed = api.requestsFor(id).stream().anyMatch(r -> r.method().equals("DELETE"));
            runtime.close();
            return new Result(name, config.pingIntervalMs(), config.sweepPeriodMs(), framesOut, framesIn, framesIn,
                    sweeps, sweepRru, sweepWru, pongRru, pongWru, !closed);
        }
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
