package dev.skysocket.gateway.bench.open;

import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Starts the local stack in this JVM (ephemeral ports), warms it with a few connections, then opens N raw WebSocket
 * connections, {@code concurrency} at a time, and prints as Markdown the time from each 101 to its open packet
 * (p50/p99/max), the upgrade time, and how many 410 answers the open step met per connection. Exit 1 when a
 * connection got no open packet.
 *
 * <pre>
 * --connections=200 --warmup=20 --concurrency=1 --smoke (10 connections, 3 warm-up)
 * </pre>
 */
public final class OpenLatency {

    private OpenLatency() {
    }

    public static void main(String[] args) throws Exception {
        int connections = 200;
        int warmup = 20;
        int concurrency = 1;
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                connections = 10;
                warmup = 3;
            } else if (arg.startsWith("--connections=")) {
                connections = Integer.parseInt(arg.substring("--connections=".length()));
            } else if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(arg.substring("--warmup=".length()));
            } else if (arg.startsWith("--concurrency=")) {
                concurrency = Integer.parseInt(arg.substring("--concurrency=".length()));
            } else {
                System.err.println("unknown argument " + arg + "; use --connections=N --warmup=N --concurrency=N "
                        + "or --smoke");
                System.exit(2);
            }
        }
        Map<String, String> settings = Map.of(
                "skysocket.apigw-port", "0",
                "skysocket.gateway-port", "0",
                "skysocket.gateway-management-port", "0",
                "skysocket.dynamodb-port", "0",
                "skysocket.stage", "dev");
        long started = System.nanoTime();
        try (LocalRunner runner = LocalRunner.start(Settings.of(settings))) {
            System.err.printf(Locale.ROOT, "stack up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            URI uri = URI.create(runner.websocketUrl() + "/" + runner.stage() + "/?EIO=4&transport=websocket");
            run(uri, warmup, concurrency);
            long goneBefore = runner.emulator().stats().goneResponses();
            String load = loadAverage();
            List<TimedUpgrade.Timing> timings = run(uri, connections, concurrency);
            long gone = runner.emulator().stats().goneResponses() - goneBefore;
            String loadAfter = loadAverage();
            boolean ok = print(timings, connections, warmup, concurrency, gone, load, loadAfter);
            // Closing the stack after a few hundred connections took minutes here; the figures are out, so stop.
            System.out.flush();
            Runtime.getRuntime().halt(ok ? 0 : 1);
        }
    }

    private static List<TimedUpgrade.Timing> run(URI uri, int count, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<TimedUpgrade.Timing>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(pool.submit(() -> TimedUpgrade.run(uri, 30_000)));
            }
            List<TimedUpgrade.Timing> timings = new ArrayList<>();
            for (Future<TimedUpgrade.Timing> timing : pending) {
                timings.add(timing.get());
            }
            return timings;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean print(List<TimedUpgrade.Timing> timings, int connections, int warmup, int concurrency,
                                 long gone, String load, String loadAfter) {
        List<TimedUpgrade.Timing> opened = timings.stream()
                .filter(t -> t.firstFrame() != null && t.firstFrame().startsWith("0{")).toList();
        StringBuilder out = new StringBuilder("| figure | value |\n|---|---|\n");
        row(out, "connections opened / measured", opened.size() + " / " + connections + " (after " + warmup
                + " warm-up, " + concurrency + " at a time)");
        row(out, "**101 → open packet** p50 / p99 / max", percentiles(opened, TimedUpgrade.Timing::openAfter101Millis));
        row(out, "request → 101 (the $connect round trip) p50 / p99 / max",
                percentiles(opened, TimedUpgrade.Timing::upgradeMillis));
        row(out, "410 answers to the open step, per connection", String.format(Locale.ROOT, "%.2f (%d in all)",
                (double) gone / Math.max(1, connections), gone));
        row(out, "machine", Runtime.getRuntime().availableProcessors() + " CPUs, JDK "
                + System.getProperty("java.version") + ", load average " + load + " before, " + loadAfter + " after");
        System.out.print(out);
        if (opened.size() != connections) {
            timings.stream().filter(t -> !opened.contains(t)).limit(5).forEach(t -> System.err.println(
                    "no open packet: status=" + t.status() + " first frame=" + t.firstFrame()));
            return false;
        }
        return true;
    }

    /** Nearest-rank percentiles, as "p50 ms / p99 ms / max ms". */
    static String percentiles(List<TimedUpgrade.Timing> timings, ToDoubleFunction<TimedUpgrade.Timing> metric) {
        if (timings.isEmpty()) {
            return "n/a";
        }
        double[] values = timings.stream().mapToDouble(metric).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f ms / %.1f ms / %.1f ms", rank(values, 50), rank(values, 99),
                values[values.length - 1]);
    }

    static double rank(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", load);
    }

}
