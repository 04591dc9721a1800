package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** The run as one Markdown table: figures first, then what they were measured on. */
final class Report {

    private Report() {
    }

    static String markdown(LoadSettings settings, FanoutPhase.Result ours, SwarmProcess.Counts counts, long expected,
                           boolean allDelivered, Optional<WrkRun.Result> wrk, Map<String, Double> wrkCpu,
                           Duration connectTime) {
        StringBuilder table = new StringBuilder("| figure | value |\n|---|---|\n");
        row(table, "connections (N)", String.format(Locale.ROOT, "%,d (connected in %.1f s)",
                settings.connections(), connectTime.toMillis() / 1000.0));
        row(table, "frame", settings.frameBytes() + " bytes");
        row(table, "our worker: signed PostToConnection calls/s", String.format(Locale.ROOT,
                "**%,.0f** (1 ManagementApiFanout, %s, maxInFlight %d, %d rounds after %d warm-up)",
                ours.callsPerSecond(), settings.postPath(), settings.maxInFlight(), settings.rounds(),
                settings.warmupRounds()));
        if (wrk.isPresent()) {
            WrkRun.Result ceiling = wrk.get();
            row(table, "wrk: POST req/s on the same endpoint", String.format(Locale.ROOT,
                    "**%,.0f** (wrk -t1 -c%d -d%ds, one connection; %,d requests, non-2xx %d, socket errors: %s; "
                            + "latency %s)", ceiling.requestsPerSecond(), settings.wrkConnections(),
                    settings.wrkDuration().toSeconds(), ceiling.requests(), ceiling.non2xx(), ceiling.socketErrors(),
                    ceiling.latency()));
            row(table, "ratio ours / wrk", String.format(Locale.ROOT, "**%.0f %%**",
                    100 * ours.callsPerSecond() / ceiling.requestsPerSecond()));
        } else {
            row(table, "wrk: POST req/s on the same endpoint", settings.wrkDuration().isZero()
                    ? "not measured: --wrk-seconds=0" : "not measured: wrk is not installed");
        }
        row(table, "one broadcast to N: p50 / p99 / max", String.format(Locale.ROOT, "%.1f ms / %.1f ms / %.1f ms "
                        + "(over %d rounds)", ours.percentileMillis(50), ours.percentileMillis(99),
                ours.percentileMillis(100), settings.rounds()));
        row(table, "frames delivered check", String.format(Locale.ROOT, "%s: every client got min %d, max %d of %d "
                        + "frames (%,d in all); fan-out reports: %,d delivered, %,d gone or failed",
                allDelivered ? "OK" : "FAILED", counts.min(), counts.max(), expected, counts.total(),
                ours.delivered(), ours.notDelivered()));
        row(table, "CPU per call, our worker (µs)", cpu(ours.cpuMicrosPerCall()));
        row(table, "JVM during our rounds", ours.jvmActivity());
        if (!wrkCpu.isEmpty()) {
            row(table, "CPU per request under wrk (µs)", cpu(wrkCpu));
        }
        row(table, "machine", machine());
        return table.toString();
    }

    /** Roles with some CPU, as "role 12.3". */
    private static String cpu(Map<String, Double> micros) {
        StringJoiner parts = new StringJoiner("; ");
        micros.forEach((role, value) -> {
            if (value >= 0.5) {
                parts.add(String.format(Locale.ROOT, "%s %.1f", role, value));
            }
        });
        return parts.toString();
    }

    private static void row(StringBuilder table, String name, String value) {
        table.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return "nproc " + runtime.availableProcessors() + ", " + cpuModel() + ", Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", heap max "
                + runtime.maxMemory() / (1024 * 1024) + " MiB, open-file limit " + Descriptors.limit()
                + ", load average " + loadAverage() + " (other work on the machine shares its cores)";
    }

    /** The 1, 5 and 15 minute load averages: how busy the shared machine was during the run. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("cpu unknown");
        } catch (IOException | RuntimeException e) {
            return "cpu unknown";
        }
    }
}
