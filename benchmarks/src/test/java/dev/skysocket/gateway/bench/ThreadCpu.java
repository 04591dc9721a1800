package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A server's CPU split by the role of its threads, from {@code /proc/<pid>/task/<tid>/{comm,stat}} (the JVM gives
 * its threads their Java names, cut to 15 characters): so a run on the local stack's one JVM shows what the
 * emulator, DynamoDB Local, the product's routes and fan-out, GC and JIT each took. Threads that ended between two
 * samples lose their ticks (the worker pools here keep theirs alive for the run).
 */
final class ThreadCpu {
    /** Name prefix → role, first match wins. */
    private static final List<Map.Entry<String, String>> ROLES = List.of(
            Map.entry("apigw-integrati", "routes (integration workers, with their store calls)"),
            Map.entry("skysocket-post", "fan-out posts"),
            Map.entry("skysocket-heart", "heartbeat"),
            Map.entry("skysocket-open", "open step"),
            Map.entry("engine-worker", "gateway workers (handlers, with their store calls)"),
            Map.entry("skysocket-log-a", "recovery log writes"),
            Map.entry("skysocket-quota", "tenant quota counts"),
            Map.entry("sdk-", "SDK timers"),
            Map.entry("vert.x-eventloo", "Vert.x event loops"),
            Map.entry("vert.x-worker", "Vert.x workers"),
            Map.entry("qtp", "DynamoDB Local (Jetty)"),
            Map.entry("SQLite", "DynamoDB Local (SQLite)"),
            Map.entry("GC Thread", "GC"),
            Map.entry("G1 ", "GC"),
            Map.entry("VM Thread", "GC"),
            Map.entry("C1 CompilerThre", "JIT"),
            Map.entry("C2 CompilerThre", "JIT"));

    /** Roles every JVM has: named with their process when there are several. */
    private static final Set<String> SHARED_ROLES = Set.of("GC", "JIT");

    private ThreadCpu() {
    }

    /**
     * Ticks (1/100 s) per thread id of every pid, keyed "pid/tid" with the role beside. With more than one process
     * (the gateway and DynamoDB Local), JIT, GC and "other" say whose they are: process 1 is the server itself.
     */
    static Map<String, Sample> sample(List<Long> pids) {
        Map<String, Sample> out = new LinkedHashMap<>();
        for (int index = 0; index < pids.size(); index++) {
            long pid = pids.get(index);
            String process = pids.size() == 1 ? "" : index == 0 ? " (server)" : " (process " + (index + 1) + ")";
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks) {
                    try {
                        String comm = Files.readString(task.resolve("comm")).strip();
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        out.put(pid + "/" + task.getFileName(),
                                new Sample(role(comm, process), Long.parseLong(f[11]) + Long.parseLong(f[12])));
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended while it was read
                    }
                }
            } catch (IOException gone) {
                // the process ended
            }
        }
        return out;
    }

    /** "role 43 %, role 12 %, …" (percent of one core over {@code wallMillis}), largest first. */
    static String split(Map<String, Sample> before, Map<String, Sample> after, double wallMillis) {
        Map<String, Long> byRole = new TreeMap<>();
        after.forEach((key, a) -> {
            Sample b = before.get(key);
            byRole.merge(a.role(), a.ticks() - (b == null ? 0 : b.ticks()), Long::sum);
        });
        return byRole.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), e.getValue() * 10 * 100.0 / wallMillis))
                .collect(Collectors.joining(", "));
    }

    private static String role(String comm, String process) {
        for (Map.Entry<String, String> role : ROLES) {
            if (comm.startsWith(role.getKey())) {
                return SHARED_ROLES.contains(role.getValue()) ? role.getValue() + process : role.getValue();
            }
        }
        return "other" + process;
    }

    record Sample(String role, long ticks) {
    }
}
