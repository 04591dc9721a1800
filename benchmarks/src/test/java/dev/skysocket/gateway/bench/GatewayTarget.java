package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fallback gateway as a Fargate task runs it ({@code FallbackMain} from {@code chat-gateway.jar}, the
 * example app found through ServiceLoader) in its own JVM, against DynamoDB Local in a second JVM: the gateway's
 * memory is its own, while the connection and room items it keeps live in DynamoDB Local (reported beside it).
 */
final class GatewayTarget extends ChildTarget {
    /**
     * The JVM flags of the image's entrypoint (gateway/pom.xml, Jib {@code <entrypoint>}); with
     * {@code -XX:MaxRAM} set to the task's memory they size the heap as in the task.
     */
    static final List<String> SHIPPED_JVM_FLAGS = List.of("-XX:MaxRAMPercentage=75", "-XX:+UseG1GC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:TieredStopAtLevel=1");

    private final ChildProcess dynamo;
    /** Where the JFR recording goes, or null when none runs. */
    private final String jfr;

    private GatewayTarget(ChildProcess dynamo, ChildProcess gateway, int port, String conditions, String jfr) {
        super("gateway", gateway, port, conditions);
        this.dynamo = dynamo;
        this.jfr = jfr;
    }

    static GatewayTarget start(ComparisonSettings s, Path logDir) throws IOException {
        // Its GC pauses too: on two shared cores they take CPU from the gateway and the clients.
        List<String> store = JvmCommand.java(List.of("-Xmx1g"));
        JvmCommand.logGc(store, logDir.resolve("dynamodb-gc.log"));
        store.addAll(List.of("-cp", System.getProperty("java.class.path"), DynamoProcess.class.getName(), "0",
                "skysocket", String.valueOf(storeWarmupSeconds())));
        ChildProcess dynamo = ChildProcess.start("dynamodb-local", store,
                Map.of(), logDir.resolve("dynamodb-local.log"), Pattern.compile("dynamodb-ready (\\d+)"),
                Duration.ofMinutes(2));
        try {
            List<String> command = JvmCommand.java(List.of("-XX:MaxRAM=" + s.gatewayRam()));
            if (!s.gatewayHeap().isEmpty()) {
                command.add("-Xmx" + s.gatewayHeap());
            }
            command.addAll(s.gatewayJvmOptions());
            JvmCommand.logGc(command, logDir.resolve("gateway-gc.log"));
            if (s.gatewayNmt()) {
                command.add("-XX:NativeMemoryTracking=summary");
            }
            if (s.gatewayJfr() != null) {
                JvmCommand.record(command, s.gatewayJfr(), false);
            }
            command.addAll(List.of(
                    "-Dskysocket.gateway-port=0",
                    "-Dskysocket.gateway-management-port=0",
                    "-Dskysocket.dynamodb-endpoint=http://127.0.0.1:" + dynamo.readyGroup(),
                    "-Dskysocket.region=us-east-1",
                    "-Daws.accessKeyId=local", "-Daws.secretAccessKey=local",
                    "-Dskysocket.ping-interval-ms=" + s.pingIntervalMs(),
                    "-Dskysocket.ping-timeout-ms=" + s.pingTimeoutMs(),
                    "-Dskysocket.sweep-period-ms=" + s.pingIntervalMs(),
                    "-Dskysocket.gateway-local-delivery=" + s.localDelivery(),
                    "-Dskysocket.gateway-priming=" + System.getProperty("skysocket.bench.gateway-priming", "true")));
            command.addAll(launch(s.gatewayClasspath()));
            ChildProcess gateway = ChildProcess.start("gateway", command, Map.of("AWS_REGION", "us-east-1"),
                    logDir.resolve("gateway.log"), Pattern.compile("listening on port (\\d+)"), Duration.ofMinutes(2));
            String flags = String.join(" ", s.gatewayJvmOptions());
            String conditions = "FallbackMain in its own JVM (-XX:MaxRAM=" + s.gatewayRam()
                    + (s.gatewayHeap().isEmpty() ? "" : " -Xmx" + s.gatewayHeap())
                    + (flags.isEmpty() ? ", the JVM's default flags" : " " + flags) + ", "
                    + System.getProperty("java.runtime.version") + "), local delivery " + s.localDelivery()
                    + (s.gatewayNmt() ? ", NMT on" : "") + ", " + String.join(" ", launch(s.gatewayClasspath()))
                    .replaceAll(" dev\\.skysocket.*", "") + (s.gatewayJfr() != null ? ", JFR on" : "")
                    + ", DynamoDB Local 2.6.1 in-memory in a second JVM (-Xmx1g)"
                    + (storeWarmupSeconds() > 0 ? ", warmed " + storeWarmupSeconds()
                            + " s with mixed calls on a table of its own before the gateway started" : "");
            return new GatewayTarget(dynamo, gateway, Integer.parseInt(gateway.readyGroup()), conditions,
                    s.gatewayJfr());
        } catch (IOException | RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    /**
     * As the example's README starts it: {@code -jar} with the class-data archive the build records beside the jar
     * ({@code chat-gateway.jsa}), when the class path's first entry is such a jar; otherwise the class path.
     * {@code -Dskysocket.bench.gateway-cds=false} (and {@code -Dskysocket.bench.gateway-priming=false}) on the
     * benchmark's JVM measure the gateway without them.
     */
    static List<String> launch(String classpath) {
        String first = classpath.split(":")[0];
        Path archive = Path.of(first.replaceAll("\\.jar$", ".jsa"));
        if (first.endsWith(".jar") && java.nio.file.Files.isRegularFile(archive)
                && Boolean.parseBoolean(System.getProperty("skysocket.bench.gateway-cds", "true"))) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", first);
        }
        return List.of("-cp", classpath, "dev.skysocket.gateway.fallback.FallbackMain");
    }

    /**
     * {@code -Dskysocket.bench.store-warmup-seconds} on the benchmark's JVM: how long DynamoDB Local is warmed before
     * the gateway starts (AWS's DynamoDB is always warm); 0, the default, starts the gateway beside a cold store.
     */
    static int storeWarmupSeconds() {
        return Integer.getInteger("skysocket.bench.store-warmup-seconds", 0);
    }

    @Override
    public long storeRss() throws IOException {
        return Memory.rss(dynamo.pid());
    }

    @Override
    public List<Long> serverPids() {
        return List.of(server().pid(), dynamo.pid());
    }

    @Override
    public void close() {
        if (jfr != null) {
            // Written now: draining many connections can outlast close()'s SIGKILL deadline, which loses it.
            try {
                Memory.jcmd(server().pid(), "JFR.dump filename=" + jfr);
            } catch (IOException | RuntimeException e) {
                System.err.println("[bench] JFR dump failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
        dynamo.close();
    }
}
