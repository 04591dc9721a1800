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
 * One idle connection on a simulated clock, 110 minutes (under the 115-minute rotation) scaled to one hour: the scheduled sweep runs every sweep period, each ping
 * the sweep posts is answered with a pong through the {@code $default} route, and nothing else happens. Counts
 * the billed messages both ways (pings out, pongs in), the invocations and the capacity units, for the product's
 * heartbeat settings, for a candidate setting that pings less often, and for Socket.IO's default interval (ping every
 * 25 s) run through the same sweep. Socket.IO's own server pings exactly every 25 s: 144 pings and 144 pongs an hour.
 */
final class IdleHour {
    private static final Duration SIMULATED = Duration.ofMinutes(110);

    private IdleHour() {
    }

    /** Everything per hour. */
    record Result(String name, String label, long pingIntervalMs, long sweepPeriodMs, double framesOut,
                  double framesIn, double defaultInvocations, double sweeps, double sweepRru, double sweepWru,
                  double pongRru, double pongWru, boolean stillOpen) {
        double frames() {
            return framesOut + framesIn;
        }
    }

    static String report(Counts counts, boolean smoke) {
        List<Result> results = new java.util.ArrayList<>();
        results.add(simulate("skysocket", "Skysocket defaults", Map.of()));
        if (!smoke) {
            results.add(simulate("candidate", "candidate: ping 585 s, sweep 15 s", Map.of(
                    "skysocket.ping-interval-ms", "585000", "skysocket.sweep-period-ms", "15000")));
            results.add(simulate("socketio", "Socket.IO's 25 s ping through the sweep (5 s)", Map.of(
                    "skysocket.ping-interval-ms", "25000", "skysocket.ping-timeout-ms", "20000",
                    "skysocket.sweep-period-ms", "5000")));
        }
        StringBuilder text = new StringBuilder("""
                | heartbeat | ping interval / sweep period | frames out (pings) | frames in (pongs) | billed \
                messages per hour | `$default` invocations | sweeps | read units (sweep + pong) | write units \
                (sweep + pong) | connection still open |
                |---|---|---:|---:|---:|---:|---:|---|---|---|
                """);
        for (Result r : results) {
            text.append(String.format(Locale.ROOT, "| %s | %d s / %d s | %s | %s | **%s** | %s | %s | %s + %s | %s + %s | %s |%n",
                    r.label(), r.pingIntervalMs() / 1000, r.sweepPeriodMs() / 1000, num(r.framesOut()),
                    num(r.framesIn()), num(r.frames()), num(r.defaultInvocations()), num(r.sweeps()),
                    num(r.sweepRru()), num(r.pongRru()), num(r.sweepWru()), num(r.pongWru()),
                    r.stillOpen() ? "yes" : "no"));
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

    static Result simulate(String name, String label, Map<String, String> overrides) {
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
            for (long t = 0; t < SIMULATED.toMillis(); t += config.sweepPeriodMs()) {
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
            double perHour = 60.0 / SIMULATED.toMinutes();
            return new Result(name, label, config.pingIntervalMs(), config.sweepPeriodMs(), framesOut * perHour,
                    framesIn * perHour, framesIn * perHour, sweeps * perHour, sweepRru * perHour,
                    sweepWru * perHour, pongRru * perHour, pongWru * perHour, !closed);
        }
    }

    private static String num(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9 ? String.valueOf((long) Math.rint(value))
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
