package dev.skysocket.apigw;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.DeclaredServer;
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
 * One idle connection on a simulated clock, 110 minutes (under the 115-minute rotation) scaled to one hour: the
 * scheduled sweep is invoked every sweep period and runs its passes ({@link SweepPasses}) on the simulated clock,
 * each invocation covering the next one's window too until it sees that one start ({@link ScheduledRuns}),
 * each ping a pass posts is answered at once with a pong through the {@code $default} route (no round trip: the
 * most pings), and nothing else happens. Counts the billed messages both ways (pings out, pongs in), the
 * invocations, the passes and the time the sweep slept, the capacity units, and the longest silence between two
 * client messages, which must stay under API Gateway's 10-minute idle close. Rows: the product's heartbeat
 * settings, the same with one pass per invocation, and Socket.IO's default interval (ping every 25 s) run through
 * the same sweep. Socket.IO's own server pings exactly every 25 s: 144 pings and 144 pongs an hour.
 */
final class IdleHour {
    private static final Duration SIMULATED = Duration.ofMinutes(110);
    /** HeartbeatFunction's Timeout in template.yaml. */
    static final long LAMBDA_TIMEOUT_MS = 180_000;

    private IdleHour() {
    }

    /** Everything per hour; {@code longestSilenceMs} is absolute, the longest gap between two client messages. */
    record Result(String name, String label, long pingIntervalMs, long sweepPeriodMs, long passPeriodMs,
                  int coveredRuns,
                  double framesOut, double framesIn, double defaultInvocations, double sweeps, double passes,
                  double sleptSeconds, double sweepRru, double sweepWru, double pongRru, double pongWru,
                  double stackRru, double stackWru, long longestSilenceMs, boolean stillOpen) {
        double frames() {
            return framesOut + framesIn;
        }

        /**
         * Passes an hour when every invocation finds something due in each of its slots (a fleet of any size) and
         * every run arrives: each invocation passes through its own window, then hands off to the next run.
         */
        double busyPasses() {
            return sweeps * ownSlots();
        }

        /** Seconds an hour the sweep sleeps when every slot has something due, up to its look for the next run. */
        double busySleptSeconds() {
            long lookForNext = coveredRuns > 1 ? passPeriodMs + SweepPasses.handOffGraceMs(passPeriodMs) : 0;
            return sweeps * ((ownSlots() - 1) * passPeriodMs + lookForNext) / 1000.0;
        }

        private long ownSlots() {
            return sweepPeriodMs / passPeriodMs;
        }
    }

    static String report(Counts counts, boolean smoke) {
        List<Result> results = new java.util.ArrayList<>();
        results.add(simulate("skysocket", "Skysocket defaults", Map.of()));
        if (!smoke) {
            results.add(simulate("onepass", "one pass per invocation (before passes)", Map.of(
                    "skysocket.ping-interval-ms", "540000", "skysocket.sweep-pass-period-ms", "60000"), 1));
            results.add(simulate("socketio", "Socket.IO's 25 s ping through the sweep (5 s)", Map.of(
                    "skysocket.ping-interval-ms", "25000", "skysocket.ping-timeout-ms", "20000",
                    "skysocket.sweep-period-ms", "5000")));
        }
        StringBuilder text = new StringBuilder("""
                | heartbeat | ping interval / sweep period / pass period | frames out (pings) | frames in (pongs) \
                | billed messages per hour | `$default` invocations | sweep invocations / passes | sweep slept \
                (s) | read units (sweep + pong) | write units (sweep + pong) | longest silence | connection \
                still open |
                |---|---|---:|---:|---:|---:|---:|---:|---|---|---:|---|
                """);
        for (Result r : results) {
            text.append(String.format(Locale.ROOT,
                    "| %s | %s s / %s s / %s s | %s | %s | **%s** | %s | %s / %s | %s | %s + %s | %s + %s | %s s | %s |%n",
                    r.label(), num(r.pingIntervalMs() / 1000.0), num(r.sweepPeriodMs() / 1000.0),
                    num(r.passPeriodMs() / 1000.0), num(r.framesOut()), num(r.framesIn()), num(r.frames()),
                    num(r.defaultInvocations()), num(r.sweeps()), num(r.passes()), num(r.sleptSeconds()),
                    num(r.sweepRru()), num(r.pongRru()), num(r.sweepWru()), num(r.pongWru()),
                    num(r.longestSilenceMs() / 1000.0), r.stillOpen() ? "yes" : "no"));
            String p = "idle." + r.name() + ".";
            counts.put(p + "frames_out_per_hour", r.framesOut());
            counts.put(p + "frames_in_per_hour", r.framesIn());
            counts.put(p + "default_invocations_per_hour", r.defaultInvocations());
            counts.put(p + "sweeps_per_hour", r.sweeps());
            counts.put(p + "sweep_passes_per_hour", r.passes());
            counts.put(p + "sweep_seconds_per_hour", r.sleptSeconds());
            counts.put(p + "sweep_busy_passes_per_hour", r.busyPasses());
            counts.put(p + "sweep_busy_seconds_per_hour", r.busySleptSeconds());
            counts.put(p + "sweep_rru_per_hour", r.sweepRru());
            counts.put(p + "sweep_wru_per_hour", r.sweepWru());
            counts.put(p + "pong_rru_per_hour", r.pongRru());
            counts.put(p + "pong_wru_per_hour", r.pongWru());
            counts.put(p + "sweep_stack_rru_per_hour", r.stackRru());
            counts.put(p + "sweep_stack_wru_per_hour", r.stackWru());
        }
        Result first = results.get(0);
        text.append(String.format(Locale.ROOT, "%nPer stack, not per connection, and left out of the units above: "
                + "the heartbeat's sweep-runs item (each run writes its start; a run past its own minute reads "
                + "it before each pass there), %s read and %s write units an hour (%s).%n",
                num(first.stackRru()), num(first.stackWru()), first.label()));
        return text.toString();
    }

    static Result simulate(String name, String label, Map<String, String> overrides) {
        return simulate(name, label, overrides, SweepPasses.SCHEDULED_RUNS_COVERED);
    }

    /** @param coveredRuns scheduled runs' windows each invocation passes through (1: no cover for a missed run) */
    static Result simulate(String name, String label, Map<String, String> overrides, int coveredRuns) {
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
            ApiGatewayRuntime runtime = new ApiGatewayRuntime(config, DeclaredServer.configuredBy(io -> io.of("/")),
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
            Tally tally = new Tally(clock.millis());
            // The client answers every ping the moment it lands, between passes too.
            Runnable answerPings = () -> {
                tally.sweepRru += meter.readUnits();
                tally.sweepWru += meter.writeUnits();
                tally.stackRru += meter.stackReadUnits();
                tally.stackWru += meter.stackWriteUnits();
                List<String> posts = api.postsTo(id);
                for (String frame : posts.subList(tally.seen, posts.size())) {
                    if (frame.equals("2")) {
                        meter.reset();
                        runtime.message().handle(RouteHarness.event(id, "$default", "MESSAGE", "3", null, null));
                        tally.pong(clock.millis());
                        tally.pongRru += meter.readUnits();
                        tally.pongWru += meter.writeUnits();
                    }
                }
                tally.seen = posts.size();
                meter.reset();
            };
            // Invocations every sweep period; each covers the next ones' windows too, so they overlap. The last
            // invocations start early enough that no pass runs after the simulated span (the rotation follows it).
            List<Long> starts = new java.util.ArrayList<>();
            long lastStart = SIMULATED.toMillis() - (coveredRuns - 1) * config.sweepPeriodMs();
            for (long t = config.sweepPeriodMs(); t <= lastStart; t += config.sweepPeriodMs()) {
                starts.add(clock.millis() + t);
            }
            ScheduledRuns runs = new ScheduledRuns(clock, answerPings);
            try {
                runs.drive(starts, sleeper -> {
                    long invokedAt = clock.millis();
                    SweepPasses.Outcome outcome = runtime.heartbeatPasses(ms -> {
                        tally.slept += ms;
                        sleeper.sleep(ms);
                    }, coveredRuns).run(() -> invokedAt + LAMBDA_TIMEOUT_MS - clock.millis());
                    tally.passes += outcome.passes();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            long framesOut = api.postsTo(id).size() - postsBefore;
            boolean closed = api.requestsFor(id).stream().anyMatch(r -> r.method().equals("DELETE"));
            runtime.close();
            double perHour = 60.0 / SIMULATED.toMinutes();
            long framesIn = tally.framesIn;
            return new Result(name, label, config.pingIntervalMs(), config.sweepPeriodMs(),
                    config.sweepPassPeriodMs(), coveredRuns, framesOut * perHour, framesIn * perHour, framesIn * perHour,
                    3_600_000.0 / config.sweepPeriodMs(), tally.passes * perHour, tally.slept / 1000.0 * perHour,
                    tally.sweepRru * perHour, tally.sweepWru * perHour, tally.pongRru * perHour,
                    tally.pongWru * perHour, tally.stackRru * perHour, tally.stackWru * perHour,
                    tally.longestSilence,
                    !closed && tally.longestSilence < SkysocketConfig.API_GATEWAY_IDLE_MS);
        }
    }

    /** Running sums of one simulation; the last client message starts the current silence. */
    private static final class Tally {
        long lastClientMessage;
        long longestSilence;
        long framesIn;
        long passes;
        long slept;
        int seen;
        double sweepRru;
        double sweepWru;
        double pongRru;
        double pongWru;
        double stackRru;
        double stackWru;

        Tally(long connectedAt) {
            lastClientMessage = connectedAt;  // the client's "40" at the start
        }

        void pong(long at) {
            longestSilence = Math.max(longestSilence, at - lastClientMessage);
            lastClientMessage = at;
            framesIn++;
        }
    }

    private static String num(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9 ? String.valueOf((long) Math.rint(value))
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
