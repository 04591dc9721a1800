package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Idle connections through the scheduled heartbeat with one scheduled run skipped (or late), on a simulated clock
 * against DynamoDB Local and a loopback Management API. Sixteen connections open 7.5 s apart, so that several fall
 * due inside the skipped minute; each answers every ping at once with a pong through {@code $default} and sends
 * nothing else. Invocations start every minute with a few seconds of EventBridge jitter and overlap as on AWS
 * ({@link ScheduledRuns}). Counted per connection: the longest silence between two of its messages (API Gateway
 * closes after 10 idle minutes; only client messages count, as in the emulator), the shortest gap between two of
 * its pings (no duplicates from overlapping runs) and the billed messages (pings out, pongs in) per idle hour.
 */
class HeartbeatMissedRunTest {
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 8, Duration.ofSeconds(5));
    private static final int CONNECTIONS = 16;
    private static final long STAGGER_MS = 7_500;
    /** Under the rotation, which starts at 115 minutes less one ping interval. */
    private static final Duration SIMULATED = Duration.ofMinutes(95);
    /** The run at +10 min: connections opened 45 s to 105 s after the first fall due in its window. */
    private static final int FAULTY_RUN = 10;

    private final ManagementApiStub api = ManagementApiStub.start();
    private final DynamoDbClient dynamo = DynamoDbLocalServer.client();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void close() {
        dynamo.close();
        api.close();
    }

    @Test
    void aSkippedRunLetsNoConnectionReachTheIdleCloseAndAnIdleHourStaysWithinThirteenMessages()
            throws InterruptedException {
        Outcome o = simulate(SweepPasses.SCHEDULED_RUNS_COVERED, FAULTY_RUN, -1);

        assertThat(o.pingsInFaultyWindow()).as("connections fell due in the skipped run's window").isPositive();
        assertThat(o.longestSilenceMs()).isLessThan(SkysocketConfig.API_GATEWAY_IDLE_MS);
        assertThat(o.shortestPingGapMs()).isGreaterThanOrEqualTo(570_000 - 15_000);
        assertThat(o.mostMessagesPerIdleHour()).isLessThanOrEqualTo(13.0);
        assertThat(o.closed()).isZero();
    }

    @Test
    void aRunFiftySecondsLateLetsNoConnectionReachTheIdleClose() throws InterruptedException {
        Outcome o = simulate(SweepPasses.SCHEDULED_RUNS_COVERED, -1, FAULTY_RUN);

        assertThat(o.longestSilenceMs()).isLessThan(SkysocketConfig.API_GATEWAY_IDLE_MS);
        assertThat(o.shortestPingGapMs()).isGreaterThanOrEqualTo(570_000 - 15_000);
        assertThat(o.mostMessagesPerIdleHour()).isLessThanOrEqualTo(13.0);
    }

    /** Why a run covers the next one's window: covering only its own, the same skip lets connections go idle. */
    @Test
    void withRunsCoveringOnlyTheirOwnWindowTheSameSkipPassesTheIdleClose() throws InterruptedException {
        Outcome o = simulate(1, FAULTY_RUN, -1);

        assertThat(o.longestSilenceMs()).isGreaterThanOrEqualTo(SkysocketConfig.API_GATEWAY_IDLE_MS);
    }

    /** With every run on time, each one ends at its first look past its own minute: the next run has started. */
    @Test
    void withEveryRunOnTimeEachRunHandsOffAtItsOwnMinutesEnd() throws InterruptedException {
        Outcome o = simulate(SweepPasses.SCHEDULED_RUNS_COVERED, -1, -1, 0);

        int ownSlots = 60_000 / 15_000;
        List<Run> handedOn = o.runs().subList(0, o.runs().size() - 1);  // the last run has no successor
        assertThat(handedOn).allSatisfy(r -> {
            assertThat(r.outcome().stop()).isIn("nothing_due", "handed_off");
            assertThat(r.outcome().passes()).isLessThanOrEqualTo(ownSlots);
            assertThat(r.outcome().sleptMs()).isLessThanOrEqualTo(60_000 + SweepPasses.HAND_OFF_GRACE_MS);
        });
        assertThat(handedOn).anyMatch(r -> r.outcome().stop().equals("handed_off"));
        assertThat(o.longestSilenceMs()).isLessThan(SkysocketConfig.API_GATEWAY_IDLE_MS);
        assertThat(o.mostMessagesPerIdleHour()).isLessThanOrEqualTo(13.0);
    }

    /** A run 20 s late: the run before keeps passing through its minute until it sees the late run's start. */
    @Test
    void aLateRunsPredecessorKeepsCoveringUntilTheLateRunStarts() throws InterruptedException {
        Outcome o = simulate(SweepPasses.SCHEDULED_RUNS_COVERED, -1, FAULTY_RUN, 20_000);

        Run predecessor = o.runs().get(FAULTY_RUN - 2);  // runs are numbered from 1
        Run late = o.runs().get(FAULTY_RUN - 1);
        long lateBy = late.startedAt() - predecessor.startedAt();
        assertThat(lateBy).isGreaterThan(60_000 + 15_000);
        assertThat(predecessor.outcome().passes()).as("passes past its own minute").isGreaterThan(4);
        assertThat(predecessor.outcome().stop()).isEqualTo("handed_off");
        assertThat(predecessor.outcome().total().durationMs()).isBetween(lateBy, lateBy + 15_000);
        assertThat(o.longestSilenceMs()).isLessThan(SkysocketConfig.API_GATEWAY_IDLE_MS);
        assertThat(o.shortestPingGapMs()).isGreaterThanOrEqualTo(570_000 - 15_000);
    }

    private record Run(long startedAt, SweepPasses.Outcome outcome) {
    }

    private record Outcome(long longestSilenceMs, long shortestPingGapMs, double mostMessagesPerIdleHour,
                           int pingsInFaultyWindow, int closed, List<Run> runs) {
    }

    /** One connection as its client sees it. */
    private static final class Client {
        final String id;
        final long openedAt;
        long lastMessage;
        long lastPing = -1;
        long longestSilence;
        long shortestPingGap = Long.MAX_VALUE;
        int seen;
        int pings;

        Client(String id, long openedAt) {
            this.id = id;
            this.openedAt = openedAt;
            this.lastMessage = openedAt;
        }
    }

    private Outcome simulate(int coveredRuns, int skipped, int late) throws InterruptedException {
        return simulate(coveredRuns, skipped, late, 50_000);
    }

    private Outcome simulate(int coveredRuns, int skipped, int late, long lateByMs) throws InterruptedException {
        SkysocketConfig config = SkysocketConfig.from(Settings.of(new HashMap<>(Map.of(
                "skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "missed-run")))));
        ApiGatewayRuntime runtime = new ApiGatewayRuntime(config, DeclaredServer.configuredBy(io -> io.of("/")),
                dynamo, CLIENTS, step -> request -> {
                    try {
                        step.run(request);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, api.endpoint(), clock);
        long origin = clock.millis();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            if (i > 0) {
                clock.advance(Duration.ofMillis(STAGGER_MS));
            }
            String id = "missed-run-" + i + "=";
            runtime.connect().handle(RouteHarness.event(id, "$connect", "CONNECT", null,
                    Map.of("EIO", "4", "transport", "websocket"), Map.of()));
            runtime.message().handle(RouteHarness.event(id, "$default", "MESSAGE", "40", null, null));
            Client client = new Client(id, clock.millis());
            client.seen = api.postsTo(id).size();
            clients.add(client);
        }
        List<Long> starts = new ArrayList<>();
        for (int run = 1; run * config.sweepPeriodMs() <= SIMULATED.toMillis(); run++) {
            long jitter = run * 7_919L % 4_000;  // EventBridge starts a run some seconds into its minute
            if (run != skipped) {
                starts.add(origin + run * config.sweepPeriodMs() + jitter + (run == late ? lateByMs : 0));
            }
        }
        long faultyFrom = origin + FAULTY_RUN * config.sweepPeriodMs();
        int[] inFaultyWindow = {0};
        ScheduledRuns runs = new ScheduledRuns(clock, () -> {
            long now = clock.millis();
            for (Client c : clients) {
                List<String> posts = api.postsTo(c.id);
                for (String frame : posts.subList(c.seen, posts.size())) {
                    if (frame.equals("2")) {
                        if (c.lastPing >= 0) {
                            c.shortestPingGap = Math.min(c.shortestPingGap, now - c.lastPing);
                        }
                        c.lastPing = now;
                        c.pings++;
                        if (now >= faultyFrom && now < faultyFrom + config.sweepPeriodMs()) {
                            inFaultyWindow[0]++;
                        }
                        c.longestSilence = Math.max(c.longestSilence, now - c.lastMessage);
                        runtime.message().handle(RouteHarness.event(c.id, "$default", "MESSAGE", "3", null, null));
                        c.lastMessage = now;
                    }
                }
                c.seen = posts.size();
            }
        });
        List<Run> done = new ArrayList<>();
        runs.drive(starts, sleeper -> {
            long invokedAt = clock.millis();
            SweepPasses.Outcome outcome = runtime.heartbeatPasses(sleeper, coveredRuns)
                    .run(() -> invokedAt + IdleHour.LAMBDA_TIMEOUT_MS - clock.millis());
            synchronized (done) {
                done.add(new Run(invokedAt, outcome));
            }
        });
        done.sort(java.util.Comparator.comparingLong(Run::startedAt));
        long end = clock.millis();
        long longestSilence = 0;
        long shortestGap = Long.MAX_VALUE;
        double mostPerHour = 0;
        int closed = 0;
        for (Client c : clients) {
            longestSilence = Math.max(longestSilence, Math.max(c.longestSilence, end - c.lastMessage));
            shortestGap = Math.min(shortestGap, c.shortestPingGap);
            mostPerHour = Math.max(mostPerHour, 2.0 * c.pings * 3_600_000 / (end - c.openedAt));
            if (api.requestsFor(c.id).stream().anyMatch(r -> r.method().equals("DELETE"))) {
                closed++;
            }
        }
        Outcome outcome = new Outcome(longestSilence, shortestGap, mostPerHour, inFaultyWindow[0], closed, done);
        System.out.printf("heartbeat covered_runs=%d skipped=%d late=%d passes=%d slept_s=%d %s%n", coveredRuns,
                skipped, late, done.stream().mapToInt(r -> r.outcome().passes()).sum(),
                done.stream().mapToLong(r -> r.outcome().sleptMs()).sum() / 1000,
                outcome.toString().replaceAll(", runs=.*", ")"));
        return outcome;
    }
}
