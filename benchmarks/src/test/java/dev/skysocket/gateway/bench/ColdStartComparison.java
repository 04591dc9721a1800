package dev.skysocket.gateway.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Room latency from a cold start, side by side: for each target a fresh server process (the gateway with a fresh
 * DynamoDB Local beside it, or stock socket.io), the room's members connect, join and emit from then on
 * ({@link ColdLatency}). Prints per-second p50/p99 and the figure from {@code --cold-from-second} (default 5) on
 * as Markdown. Knobs: those of {@link ComparisonSettings} (targets, latency-members, latency-rate,
 * gateway-jvm-options, ...) plus {@code --cold-seconds} (default 30) and {@code --cold-from-second}.
 * Targets run one after the other; the first also warms this process's clients, so {@code node} goes first by
 * default and the gateway is measured against clients as warm as socket.io's.
 */
public final class ColdStartComparison {
    private ColdStartComparison() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--targets=node,gateway", "--figures=latency"));
        all.addAll(List.of(args));
        ComparisonSettings s = ComparisonSettings.parse(all.toArray(String[]::new));
        int seconds = Integer.parseInt(ComparisonSettings.value(args, "cold-seconds", "30"));
        int from = Integer.parseInt(ComparisonSettings.value(args, "cold-from-second", "5"));
        Files.createDirectories(s.logDir());
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcess::killAll));
        Map<String, ColdLatency.Result> results = new LinkedHashMap<>();
        Map<String, String> conditions = new LinkedHashMap<>();
        boolean complete = true;
        for (String name : s.targets()) {
            System.err.println("[bench] cold start of " + name);
            try (ServerTarget target = name.equals("gateway") ? GatewayTarget.start(s, s.logDir())
                    : NodeTarget.start(s, s.logDir());
                 RawClients clients = new RawClients("127.0.0.1", target.port(), target.path())) {
                ColdLatency.Result r = new ColdLatency().run(clients, s.latencyMembers(), s.latencyRate(), seconds,
                        from, Math.min(s.connectConcurrency(), s.latencyMembers()));
                results.put(name, r);
                // CPU from each process's start to the end of the run: where a cold start's work went.
                List<String> cpu = new ArrayList<>();
                for (long pid : target.serverPids()) {
                    cpu.add(String.format(Locale.ROOT, "%.1f s", ServerTarget.cpuMillis(pid) / 1000.0));
                }
                conditions.put(name, target.conditions() + "; CPU used by the run's end (per process: "
                        + String.join(", ", cpu) + ")");
                complete &= r.received() == r.expected() && clients.closedByServer() == 0;
                System.err.printf(Locale.ROOT, "[bench] %s from second %d: p50 %.1f ms p99 %.1f ms (%,d of %,d)%n",
                        name, from, r.fromThere().millis(50), r.fromThere().millis(99), r.received(), r.expected());
            } catch (Exception | AssertionError e) {
                e.printStackTrace();
                complete = false;
            }
        }
        System.out.println(markdown(s, seconds, from, results, conditions));
        System.exit(complete ? 0 : 1);
    }

    static String markdown(ComparisonSettings s, int seconds, int from, Map<String, ColdLatency.Result> results,
                           Map<String, String> conditions) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Cold start: room of %d, %d emits/s for %d s from the room's join; "
                + "second 1 starts at the first connection.%n%n", s.latencyMembers(), s.latencyRate(), seconds));
        out.append("| second |");
        results.keySet().forEach(n -> out.append(' ').append(n).append(" p50 / p99 (frames) |"));
        out.append("\n|---|").append("---|".repeat(results.size())).append('\n');
        int last = results.values().stream().flatMap(r -> r.seconds().stream()).mapToInt(ColdLatency.Second::second)
                .max().orElse(0);
        for (int sec = 1; sec <= last; sec++) {
            int second = sec;
            out.append("| ").append(sec).append(" |");
            for (ColdLatency.Result r : results.values()) {
                out.append(' ').append(r.seconds().stream().filter(x -> x.second() == second).findFirst()
                        .map(x -> String.format(Locale.ROOT, "%.1f / %.1f ms (%,d of %,d)", x.latency().millis(50),
                                x.latency().millis(99), x.received(), x.expected())).orElse("–")).append(" |");
            }
            out.append('\n');
        }
        out.append("| **from second ").append(from).append("** |");
        for (ColdLatency.Result r : results.values()) {
            out.append(String.format(Locale.ROOT, " **%.1f / %.1f ms** (max %.0f ms; %,d of %,d) |",
                    r.fromThere().millis(50), r.fromThere().millis(99), r.fromThere().millis(100), r.received(),
                    r.expected()));
        }
        out.append("\n| room connected / joined after |");
        for (ColdLatency.Result r : results.values()) {
            out.append(String.format(Locale.ROOT, " %.2f / %.2f s |", r.connectedAfterSeconds(),
                    r.joinedAfterSeconds()));
        }
        out.append("\n\n");
        conditions.forEach((n, c) -> out.append("- ").append(n).append(": ").append(c).append('\n'));
        out.append("- java ").append(System.getProperty("java.runtime.version")).append(", load average ")
                .append(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                .append(" at the end\n");
        return out.toString();
    }
}
