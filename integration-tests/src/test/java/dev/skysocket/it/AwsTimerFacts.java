package dev.skysocket.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The timer facts of {@link AwsFactsIT}: the idle close, that a server ping answered by a pong resets it, and the
 * 2-hour lifetime. On a stage they take AWS's own times (over ten minutes, two hours), so they run only with
 * {@code -Dskysocket.it.long=true}. Locally they run in every build on a stack of their own whose emulator has
 * short timers (the app's heartbeat and rotation set so they do not interfere), showing the emulator's claim.
 */
final class AwsTimerFacts {
    static final String LONG = "skysocket.it.long";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWS_IDLE = Duration.ofMinutes(10);
    private static final Duration AWS_LIFETIME = Duration.ofHours(2);
    private static final Duration LOCAL_IDLE = Duration.ofSeconds(3);
    private static final Duration LOCAL_LIFETIME = Duration.ofSeconds(8);
    private static TestStack.Target local;

    private AwsTimerFacts() {
    }

    static void idleClose(TestStack.Target target) throws IOException {
        String fact = "a connection without client frames is closed with 1001 at the idle timeout (AWS: 10 min)";
        TestStack.Target stack = stackFor(target, fact);
        Duration idle = stack == target ? AWS_IDLE : LOCAL_IDLE;
        Duration tolerance = tolerance(idle);
        try (WireClient client = WireClient.connect(stack.websocketUrl(), stack.path())) {
            JsonNode open = JSON.readTree(client.handshake()[0].text().substring(1));
            // The app ends a client that leaves a ping unanswered after pingInterval + pingTimeout: that must come
            // after the idle timeout, or the app's close is what this would see (a stage set up with short ones).
            Duration appCloses = Duration.ofMillis(open.path("pingInterval").asLong()
                    + open.path("pingTimeout").asLong());
            FactLog.skipUnless(appCloses.compareTo(idle.plus(tolerance).plus(tolerance)) >= 0, fact, "the stage's"
                    + " pingInterval + pingTimeout (" + seconds(appCloses) + ") end a silent client before the idle"
                    + " timeout; deploy with PingIntervalMs + PingTimeoutMs of at least 630000 to check it");
            long quietFrom = client.lastSentNanos();
            // Server pings are not answered: only the server sends, so nothing inbound resets the idle timer.
            WireClient.Hold hold = client.holdOpen(idle.plus(tolerance).plus(tolerance), false);
            Duration quiet = Duration.ofNanos(System.nanoTime() - quietFrom);
            Integer code = hold.closeCode();
            String observed = (code == null ? "still open" : AwsFactsIT.closed(code)) + " after " + seconds(quiet)
                    + " without a client frame (" + hold.pings() + " server pings left unanswered)";
            FactLog.check(fact, "1001 after " + seconds(idle) + " ± " + seconds(tolerance), observed,
                    code != null && code == 1001 && near(quiet, idle, tolerance));
        }
    }

    static void heartbeatKeepsAlive(TestStack.Target target) throws IOException {
        String fact = "a server ping answered with a pong keeps a connection open past the idle timeout";
        TestStack.Target stack = stackFor(target, fact);
        Duration idle = stack == target ? AWS_IDLE : LOCAL_IDLE;
        Duration span = idle.multipliedBy(3).dividedBy(2);
        try (WireClient client = WireClient.connect(stack.websocketUrl(), stack.path())) {
            client.handshake();
            WireClient.Hold hold = client.holdOpen(span, true);
            String observed;
            boolean holds = false;
            if (hold.closeCode() != null) {
                observed = AwsFactsIT.closed(hold.closeCode()) + " within " + seconds(span) + " (" + hold.pings()
                        + " pings answered)";
            } else {
                client.sendText("421[\"echo\",\"still here\"]");
                String answer = AwsFactsIT.outcome(client, "431[");
                observed = "open after " + seconds(span) + " with " + hold.pings() + " pings answered and no other"
                        + " client frame; an echo then: " + answer;
                holds = hold.pings() > 0 && answer.equals("answered");
            }
            FactLog.check(fact, "open after " + seconds(span) + " (1.5 × the idle timeout) and answering", observed,
                    holds);
        }
    }

    static void lifetime(TestStack.Target target) throws IOException {
        String fact = "a connection ends by its maximum lifetime (AWS: 2 h, closed with 1001; the app may rotate"
                + " it before)";
        TestStack.Target stack = stackFor(target, fact);
        Duration lifetime = stack == target ? AWS_LIFETIME : LOCAL_LIFETIME;
        Duration tolerance = tolerance(lifetime);
        long start = System.nanoTime();
        try (WireClient client = WireClient.connect(stack.websocketUrl(), stack.path())) {
            client.handshake();
            WireClient.Hold hold = client.holdOpen(lifetime.plus(tolerance).plus(tolerance), true);
            Duration age = Duration.ofNanos(System.nanoTime() - start);
            Integer code = hold.closeCode();
            boolean byTheLimit = code != null && code == 1001 && near(age, lifetime, tolerance);
            // On a stage the app rotates connections before AWS's cut (skysocket.max-connection-age-ms); then
            // AWS's own close is not reached, and the fact is that nothing outlives the limit.
            boolean rotatedBefore = stack == target && code != null && age.compareTo(lifetime.minus(tolerance)) < 0;
            String observed = (code == null ? "still open" : AwsFactsIT.closed(code)) + " at an age of "
                    + seconds(age) + (rotatedBefore ? " (the app's rotation, before AWS's limit)" : "");
            FactLog.check(fact, "1001 at " + seconds(lifetime) + " ± " + seconds(tolerance)
                    + (stack == target ? ", or an earlier close by the app's rotation" : ""), observed,
                    byTheLimit || rotatedBefore);
        }
    }

    static void close() {
        if (local != null) {
            local.close();
            local = null;
        }
    }

    /** The stage itself (opt-in), or the local stack with short emulator timers. */
    private static TestStack.Target stackFor(TestStack.Target target, String fact) {
        if (!target.isLocal()) {
            FactLog.skipUnless(Boolean.getBoolean(LONG), fact, "takes over 10 minutes (the lifetime over 2 hours)"
                    + " on a stage: opt in with -D" + LONG + "=true");
            return target;
        }
        if (local == null) {
            local = TestStack.Target.local(TestStack.start(Map.of(
                    "skysocket.apigw-idle-timeout-ms", Long.toString(LOCAL_IDLE.toMillis()),
                    "skysocket.apigw-max-connection-ms", Long.toString(LOCAL_LIFETIME.toMillis()),
                    // The app would end a client that does not pong after interval + timeout: keep that later
                    // than the idle close, and its own rotation later than the emulator's lifetime.
                    "skysocket.ping-timeout-ms", "10000",
                    "skysocket.max-connection-age-ms", "3600000")));
        }
        return local;
    }

    /** How far from the limit a close may come: a fortieth of it (15 s of 10 min), at least one second. */
    private static Duration tolerance(Duration limit) {
        Duration fortieth = limit.dividedBy(40);
        return fortieth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : fortieth;
    }

    private static boolean near(Duration actual, Duration limit, Duration tolerance) {
        return actual.minus(limit).abs().compareTo(tolerance) <= 0;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
