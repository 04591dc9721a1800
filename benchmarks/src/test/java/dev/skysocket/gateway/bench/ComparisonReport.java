package dev.skysocket.gateway.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The side-by-side run as Markdown: one table per figure, each column one server, then the conditions. */
final class ComparisonReport {
    private ComparisonReport() {
    }

    static String markdown(ComparisonSettings s, List<TargetResult> results, Instant started) {
        StringBuilder out = new StringBuilder();
        Optional<TargetResult> gateway = results.stream().filter(r -> r.name.equals("gateway")).findFirst();
        Optional<TargetResult> node = results.stream().filter(r -> r.name.equals("node")).findFirst();
        header(out, "figure", results);
        if (s.figures().contains("density")) {
            densityRow(out, "clients connected (idle, `/` joined), time to connect", results,
                    r -> String.format(Locale.ROOT, "%,d in %.0f s", r.connections, r.connectSeconds));
            densityRow(out, "connect rate after the baseline; server CPU per connect (each process)", results, r ->
                    String.format(Locale.ROOT, "%.0f /s; %s", r.connectRate, r.connectCpuMicros.stream()
                            .map(us -> String.format(Locale.ROOT, "%,.0f µs", us)).toList()));
            densityRow(out, "RSS at " + s.baseline() + " clients → all clients", results, r ->
                    mib(r.before.rss()) + " → " + mib(r.after.rss()));
            densityRow(out, "**RSS per connection**", results,
                    r -> bytes(r.perConnection(r.before.rss(), r.after.rss(), s)));
            densityRow(out, "live heap after full GC, " + s.baseline() + " clients → all clients", results, r ->
                    mib(r.before.heapAfterGc()) + " → " + mib(r.after.heapAfterGc()));
            densityRow(out, "**heap per connection** (JVM heap used / V8 heapUsed)", results, r ->
                    bytes(r.perConnection(r.before.heapAfterGc(), r.after.heapAfterGc(), s)));
            densityRow(out, "where the memory sits, at all clients (NMT committed for the JVM)", results,
                    r -> r.after.breakdown().isEmpty() ? "not recorded (--gateway-nmt=true)" : r.after.breakdown());
            densityRow(out, "state kept outside the process (DynamoDB Local RSS per connection)", results, r ->
                    r.storeAfter == 0 ? "none (in-process)" : bytes(r.perConnection(r.storeBefore, r.storeAfter, s)));
        }
        if (s.figures().contains("latency")) {
            row(out, "emit→receive, room of " + s.latencyMembers() + " at " + s.latencyRate() + " emits/s: p50 / p99",
                    results, r -> r.latency == null ? "–" : String.format(Locale.ROOT, "**%.1f / %.1f ms** "
                            + "(max %.0f ms; %,d of %,d frames within 10 s of the last emit; %,.0f frames/s delivered; "
                            + "server CPU %.0f %%)", r.latency.latency().millis(50), r.latency.latency().millis(99),
                            r.latency.latency().millis(100), r.latency.received(), r.latency.expected(),
                            r.latency.deliveredPerSecond(), r.latency.serverCpuPercent()));
            row(out, "server CPU during the latency run by thread role (% of one core; Node: one process)", results,
                    r -> r.latency == null ? "–" : r.latency.cpuByRole());
        }
        if (s.figures().contains("broadcast")) {
            for (int n : s.steps()) {
                row(out, String.format(Locale.ROOT, "broadcast to a room of %,d: p50 / p95 round trip", n), results,
                        r -> r.steps.stream().filter(st -> st.members() == n).findFirst().map(st -> String.format(
                                Locale.ROOT, "%.0f / %.0f ms%s (CPU %.0f ms per broadcast)",
                                st.roundTrips().millis(50), st.roundTrips().millis(95),
                                st.lost() > 0 ? ", " + st.lost() + " lost" : "", st.serverCpuMsPerBroadcast()))
                                .orElse(r.steps.isEmpty() ? "–" : "not run (ramp stopped)"));
            }
            row(out, "**largest room with p95 ≤ " + s.p95LimitMs() + " ms**", results, r ->
                    r.steps.isEmpty() ? "–" : String.format(Locale.ROOT, r.heldEveryStep(s.p95LimitMs())
                            ? "**≥ %,d** (every step held)" : "**%,d**", r.capacity(s.p95LimitMs())));
        }
        row(out, "pings answered by the clients; clients closed by the server", results, r ->
                String.format(Locale.ROOT, "%,d; %,d", r.pongs, r.closedByServer));
        if (gateway.isPresent() && node.isPresent()) {
            out.append(ratios(s, gateway.get(), node.get()));
        }
        if (node.isPresent() && node.get().latency != null) {
            out.append('\n').append(latencyRatios(results, node.get()));
        }
        out.append("\nConditions: ").append(conditions(s, results, started)).append('\n');
        return out.toString();
    }

    /** The density and broadcast ratios as a table after a blank line; nothing when the run measured neither. */
    private static String ratios(ComparisonSettings s, TargetResult g, TargetResult n) {
        StringBuilder out = new StringBuilder();
        // A server that failed before its samples has no density figures: no ratio, not a crash of the report.
        if (s.figures().contains("density") && g.before != null && g.after != null && n.before != null
                && n.after != null) {
            out.append(String.format(Locale.ROOT, "| RSS per connection | %.2f× | ≤ 1.0× |%n",
                    g.perConnection(g.before.rss(), g.after.rss(), s) / n.perConnection(n.before.rss(), n.after.rss(), s)));
            out.append(String.format(Locale.ROOT, "| heap per connection | %.2f× | ≤ 1.0× |%n",
                    g.perConnection(g.before.heapAfterGc(), g.after.heapAfterGc(), s)
                            / n.perConnection(n.before.heapAfterGc(), n.after.heapAfterGc(), s)));
        }
        if (s.figures().contains("broadcast")) {
            int gc = g.capacity(s.p95LimitMs());
            int nc = n.capacity(s.p95LimitMs());
            // A server that held every step has a ceiling beyond the ramp: the ratio is then only a bound, or none.
            boolean gHeld = g.heldEveryStep(s.p95LimitMs());
            boolean nHeld = n.heldEveryStep(s.p95LimitMs());
            String ratio = nc == 0 ? "n/a"
                    : gHeld && nHeld ? "not measured: both held every step"
                    : String.format(Locale.ROOT, "%s%.2f×", gHeld ? "≥ " : nHeld ? "≤ " : "", gc / (double) nc);
            out.append(String.format(Locale.ROOT, "| broadcast capacity (clients at p95 ≤ %d ms) | %s | ≥ 1.5× |%n",
                    s.p95LimitMs(), ratio));
        }
        return out.isEmpty() ? "" : "\n| ratio gateway / node | value | target |\n|---|---|---|\n" + out;
    }

    /** Each gateway's room latency over socket.io's in the same run (the target is p99 ≤ 1.2×). */
    private static String latencyRatios(List<TargetResult> results, TargetResult node) {
        StringBuilder out = new StringBuilder("| room latency ratio | p50 | p99 |\n|---|---|---|\n");
        for (TargetResult r : results) {
            if (r != node && r.latency != null && r.latency.latency().millis(50) > 0) {
                out.append(String.format(Locale.ROOT, "| %s / node | %.2f× | %.2f× |%n", r.name,
                        r.latency.latency().millis(50) / node.latency.latency().millis(50),
                        r.latency.latency().millis(99) / node.latency.latency().millis(99)));
            }
        }
        return out.toString();
    }

    private static String conditions(ComparisonSettings s, List<TargetResult> results, Instant started) {
        StringBuilder out = new StringBuilder();
        for (TargetResult r : results) {
            out.append(r.name).append(": ").append(r.conditions);
            if (r.failure != null) {
                out.append(" (**the run on it failed: ").append(r.failure).append("**)");
            }
            out.append("; ");
        }
        out.append(String.format(Locale.ROOT, "both with pingInterval %d ms, pingTimeout %d ms, maxPayload 32 KB. "
                        + "Clients: raw Engine.IO websockets (count per server in the first row) on loopback in the benchmark JVM (Vert.x, 2 event "
                        + "loops, clients spread over both; " + collectors() + "), one server at a time; %,d connected before the first memory sample; a full GC "
                        + "before each sample. Broadcasts: one at a time, %d measured after %d warm-up per size, "
                        + "senders in turn; latency: %d s measured after %d s warm-up, open loop. Run started %s, "
                        + "took %d s; %s", s.pingIntervalMs(), s.pingTimeoutMs(), s.baseline(),
                s.rounds(), s.warmup(), s.latencySeconds(), s.latencyWarmupSeconds(), started,
                Duration.between(started, Instant.now()).toSeconds(), Report.machine()));
        return out.toString();
    }

    private static void header(StringBuilder out, String first, List<TargetResult> results) {
        out.append("| ").append(first);
        results.forEach(r -> out.append(" | ").append(r.name));
        out.append(" |\n|---");
        results.forEach(r -> out.append("|---"));
        out.append("|\n");
    }

    private static void row(StringBuilder out, String name, List<TargetResult> results,
                            Function<TargetResult, String> cell) {
        out.append("| ").append(name);
        results.forEach(r -> out.append(" | ").append(cell.apply(r).replace("|", "\\|")));
        out.append(" |\n");
    }

    /** A density row: servers measured without the density phase (the API Gateway path) show a dash. */
    private static void densityRow(StringBuilder out, String name, List<TargetResult> results,
                                   Function<TargetResult, String> cell) {
        row(out, name, results, r -> r.before == null ? "–" : cell.apply(r));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String bytes(double bytes) {
        return String.format(Locale.ROOT, "%,.0f B", bytes);
    }

    /** The benchmark JVM's garbage collectors, e.g. "PS Scavenge + PS MarkSweep" for Parallel GC. */
    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
    }
}
