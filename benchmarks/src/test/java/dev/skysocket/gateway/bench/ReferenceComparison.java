package dev.skysocket.gateway.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Side by side, in one run, against the same client swarm: the fallback gateway and the reference socket.io
 * server, each in its own process. Per server: {@code baseline} clients connect, memory is sampled, the rest of the
 * {@code connections} connect and idle, memory is sampled again (density); then a 100-member room takes emits at a
 * fixed rate (latency); then the broadcast ramp. Servers run one after the other, never at once, so each has the
 * machine's two cores to share only with the clients. Prints a Markdown report on standard output.
 *
 * <pre>java -cp ... dev.skysocket.gateway.bench.ReferenceComparison --gateway-classpath=... [--smoke]</pre>
 */
public final class ReferenceComparison {
    private ReferenceComparison() {
    }

    public static void main(String[] args) throws Exception {
        ComparisonSettings s = ComparisonSettings.parse(args);
        long limit = Descriptors.limit();
        if (limit > 0 && s.connections() + ClientSwarm.SPARE_DESCRIPTORS > limit) {
            System.err.println("[bench] this process may open " + limit + " files; " + s.connections()
                    + " clients need about " + (s.connections() + ClientSwarm.SPARE_DESCRIPTORS) + ": raise ulimit -n");
            System.exit(2);
        }
        Files.createDirectories(s.logDir());
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcess::killAll)); // Ctrl-C leaves no server behind
        Instant started = Instant.now();
        List<TargetResult> results = new ArrayList<>();
        for (String name : s.targets()) {
            try {
                results.add(measure(name, s));
            } catch (Exception | AssertionError e) {
                // One server failing must not lose the others' figures: the report says what happened.
                e.printStackTrace();
                TargetResult failed = new TargetResult(name, "not measured", 0);
                failed.failure = e.toString();
                results.add(failed);
            }
        }
        System.out.println(ComparisonReport.markdown(s, results, started));
        System.exit(results.stream().allMatch(TargetResult::complete) ? 0 : 1);
    }

    /** The API Gateway path: only the room latency, with just the room's members connected. */
    private static TargetResult measureApiGateway(ComparisonSettings s) throws Exception {
        try (ServerTarget target = LocalStackTarget.start("apigw", s, s.logDir());
             RawClients clients = new RawClients("127.0.0.1", target.port(), target.path())) {
            TargetResult result = new TargetResult(target.name(), target.conditions(), s.latencyMembers());
            // Few at once: each connect is a $connect invocation plus a deferred open step on the local stack, and
            // 64 at once on two busy cores run past the emulator's integration timeout.
            clients.growTo(s.latencyMembers(), Math.min(8, s.connectConcurrency()), Duration.ofMinutes(10));
            result.latency = new RoomLatency().run(clients, target, s);
            System.err.printf("[bench] apigw latency p50 %.1f ms p99 %.1f ms (%,d of %,d)%n",
                    result.latency.latency().millis(50), result.latency.latency().millis(99),
                    result.latency.received(), result.latency.expected());
            result.pongs = clients.pongs();
            result.closedByServer = clients.closedByServer();
            return result;
        }
    }

    private static List<Long> cpuOf(ServerTarget target) throws java.io.IOException {
        List<Long> cpu = new ArrayList<>();
        for (long pid : target.serverPids()) {
            cpu.add(ServerTarget.cpuMillis(pid));
        }
        return cpu;
    }

    private static TargetResult measure(String name, ComparisonSettings s) throws Exception {
        System.err.println("[bench] starting " + name);
        int connections = s.connectionsFor(name);
        if (name.equals("apigw")) {
            return measureApiGateway(s);
        }
        try (ServerTarget target = switch (name) {
                case "gateway" -> GatewayTarget.start(s, s.logDir());
                case "local-gateway" -> LocalStackTarget.start(name, s, s.logDir());
                default -> NodeTarget.start(s, s.logDir());
             };
             RawClients clients = new RawClients("127.0.0.1", target.port(), target.path())) {
            TargetResult result = new TargetResult(target.name(), target.conditions(), connections);
            long t0 = System.nanoTime();
            clients.growTo(s.baseline(), s.connectConcurrency(), Duration.ofMinutes(5));
            Thread.sleep(2000);
            result.before = target.memory();
            result.storeBefore = target.storeRss();
            List<Long> cpuBefore = cpuOf(target);
            long t1 = System.nanoTime();
            clients.growTo(connections, s.connectConcurrency(), Duration.ofMinutes(s.connectMinutes()));
            result.connectSeconds = (System.nanoTime() - t0) / 1e9;
            result.connectRate = (connections - s.baseline()) / ((System.nanoTime() - t1) / 1e9);
            List<Long> cpuAfter = cpuOf(target);
            for (int i = 0; i < cpuAfter.size(); i++) {
                result.connectCpuMicros.add((cpuAfter.get(i) - cpuBefore.get(i)) * 1000.0
                        / (connections - s.baseline()));
            }
            System.err.printf("[bench] %s: %,d clients connected in %.1f s%n", name, clients.size(),
                    result.connectSeconds);
            Thread.sleep(2000);
            result.after = target.memory();
            result.storeAfter = target.storeRss();
            System.err.printf("[bench] %s memory: rss %,d -> %,d, heap %,d -> %,d%n", name, result.before.rss(),
                    result.after.rss(), result.before.heapAfterGc(), result.after.heapAfterGc());
            if (s.figures().contains("broadcast")) {
                result.steps = new BroadcastRamp().run(clients, target, s, connections);
            }
            // Last: an open-loop rate the server cannot keep up with leaves a backlog behind it.
            if (s.figures().contains("latency")) {
                result.latency = new RoomLatency().run(clients, target, s);
                System.err.printf("[bench] %s latency p50 %.1f ms p99 %.1f ms (%,d of %,d)%n", name,
                        result.latency.latency().millis(50), result.latency.latency().millis(99),
                        result.latency.received(), result.latency.expected());
            }
            result.pongs = clients.pongs();
            result.closedByServer = clients.closedByServer();
            return result;
        }
    }
}
