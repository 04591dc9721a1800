package dev.skysocket.gateway.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Knobs of the side-by-side comparison with the reference socket.io server, from {@code --name=value} arguments.
 *
 * @param figures        which figures to measure: density, broadcast, latency (one run, shared connections)
 * @param connections    idle clients held for the density figure (also the broadcast ramp's ceiling)
 * @param baseline       clients connected before the first memory sample, so fixed costs (JIT, first-use
 *                       classes, buffers) stay out of the per-connection figure
 * @param steps          broadcast room sizes to ramp through
 * @param rounds         measured broadcasts per step (after {@code warmup} more)
 * @param p95LimitMs     the broadcast round trip a room size must keep at p95 to count
 * @param latencyMembers room size for the emit-to-receive figure
 * @param latencyRate    emits per second into that room
 * @param latencySeconds measured seconds (after {@code latencyWarmupSeconds}: 150 by default, a steady state: the
 *                       local stack's one JVM (emulator, routes, DynamoDB Local, fan-out; C2 on, as the README
 *                       starts it) still spent 42 % of a core compiling 40 s in, and drained its backlog only later)
 * @param gatewayHeap    {@code -Xmx} for the gateway; empty (the default) leaves the heap to the JVM flags, as in
 *                       the image
 * @param gatewayRam     the memory the gateway JVM sizes itself for ({@code -XX:MaxRAM}): template.yaml's task
 *                       Memory, so initial and maximum heap come out as in the 2 GiB task, not from this machine
 * @param gatewayJvmOptions JVM flags for the gateway child, space-separated; by default the image's own
 *                       ({@link GatewayTarget#SHIPPED_JVM_FLAGS}), so the run measures what ships; any value
 *                       replaces them ("" = the JVM's defaults), as two collectors cannot be combined
 * @param apigwJfr       a file for a JFR profile of the local stack's JVM (the apigw and local-gateway targets), or
 *                       null
 * @param localJvmOptions JVM flags of the local stack's JVM, space-separated; by default the README command's
 *                       ({@link LocalStackTarget#README_JVM_FLAGS})
 * @param localClasspath the class path of the example app on the local stack (the API Gateway target)
 */
record ComparisonSettings(Set<String> figures, List<String> targets, int connections, int baseline,
                          List<Integer> steps, int warmup, int rounds, long p95LimitMs, int latencyMembers,
                          int latencyRate, int latencySeconds, int latencyWarmupSeconds, long pingIntervalMs,
                          long pingTimeoutMs, String gatewayHeap, boolean localDelivery, String gatewayJfr,
                          String gatewayClasspath, Path nodeServer, Path logDir, int connectConcurrency,
                          int connectMinutes, int gatewayConnections, boolean gatewayNmt,
                          String gatewayRam, List<String> gatewayJvmOptions, String apigwJfr,
                          String localClasspath, List<String> localJvmOptions) {

    /** The gateway may be given fewer connections than the reference (its connects are bound by DynamoDB). */
    int connectionsFor(String target) {
        return target.endsWith("gateway") ? gatewayConnections : connections;
    }

    static ComparisonSettings parse(String[] args) {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        ComparisonSettings s = new ComparisonSettings(
                Set.of(value(args, "figures", "density,broadcast,latency").split(",")),
                List.of(value(args, "targets", targets(value(args, "setup", "separate"))).split(",")),
                Integer.parseInt(value(args, "connections", smoke ? "200" : "10000")),
                Integer.parseInt(value(args, "baseline", smoke ? "20" : "100")),
                Arrays.stream(value(args, "steps", smoke ? "20,50,100" : "10,25,50,100,250,500,1000,2000,5000,10000").split(","))
                        .map(Integer::parseInt).toList(),
                Integer.parseInt(value(args, "warmup", smoke ? "2" : "5")),
                Integer.parseInt(value(args, "rounds", smoke ? "5" : "20")),
                Long.parseLong(value(args, "p95-limit-ms", "500")),
                Integer.parseInt(value(args, "latency-members", smoke ? "20" : "100")),
                Integer.parseInt(value(args, "latency-rate", smoke ? "20" : "100")),
                Integer.parseInt(value(args, "latency-seconds", smoke ? "2" : "30")),
                Integer.parseInt(value(args, "latency-warmup-seconds", smoke ? "1" : "150")),
                Long.parseLong(value(args, "ping-interval-ms", "25000")),
                Long.parseLong(value(args, "ping-timeout-ms", "20000")),
                value(args, "gateway-heap", ""),
                Boolean.parseBoolean(value(args, "local-delivery", "true")),
                value(args, "gateway-jfr", null),
                value(args, "gateway-classpath", null),
                Path.of(value(args, "node-server", "bench/node-reference/server.js")),
                Path.of(value(args, "log-dir", "target/reference-bench")),
                Integer.parseInt(value(args, "connect-concurrency", "64")),
                Integer.parseInt(value(args, "connect-minutes", "30")),
                Integer.parseInt(value(args, "gateway-connections",
                        value(args, "connections", smoke ? "200" : "10000"))),
                Boolean.parseBoolean(value(args, "gateway-nmt", "false")),
                value(args, "gateway-ram", "2g"),
                flags(value(args, "gateway-jvm-options", String.join(" ", GatewayTarget.SHIPPED_JVM_FLAGS))),
                value(args, "apigw-jfr", null),
                value(args, "local-classpath", null),
                flags(value(args, "local-jvm-options", String.join(" ", LocalStackTarget.README_JVM_FLAGS))));
        if (s.gatewayClasspath == null && s.targets.contains("gateway")) {
            throw new IllegalArgumentException("--gateway-classpath is required (the gateway jar and its lib/)");
        }
        if (s.localClasspath == null && (s.targets.contains("apigw") || s.targets.contains("local-gateway"))) {
            throw new IllegalArgumentException("--local-classpath is required (the local stack's jar and its lib/)");
        }
        int fewest = Math.min(s.connections, s.gatewayConnections);
        // Steps above a target's connection count are skipped by the ramp.
        if (s.baseline >= fewest || s.steps.stream().anyMatch(n -> n < 2) || s.latencyMembers > fewest) {
            throw new IllegalArgumentException("need baseline < connections, every step >= 2, "
                    + "latency-members <= connections (each target's)");
        }
        return s;
    }

    /**
     * The targets of a set-up: {@code separate} is the gateway with DynamoDB Local in its own process, {@code local}
     * the local stack as the README starts it (its gateway, then its API Gateway path); socket.io beside either.
     */
    private static String targets(String setup) {
        List<String> setups = List.of(setup.split(","));
        StringBuilder targets = new StringBuilder();
        if (setups.contains("separate")) {
            targets.append("gateway,");
        }
        targets.append("node");
        if (setups.contains("local")) {
            targets.append(",local-gateway,apigw");
        }
        if (!setups.stream().allMatch(x -> x.equals("separate") || x.equals("local"))) {
            throw new IllegalArgumentException("--setup takes separate, local or both (separate,local), got " + setup);
        }
        return targets.toString();
    }

    private static List<String> flags(String spaced) {
        return Arrays.stream(spaced.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    }

    /** The value of {@code --name=value} in {@code args}, or {@code fallback}. */
    static String value(String[] args, String name, String fallback) {
        // The last one wins, so a wrapper script's defaults can be overridden after it.
        String prefix = "--" + name + "=";
        String found = fallback;
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                found = arg.substring(prefix.length());
            }
        }
        return found;
    }
}
