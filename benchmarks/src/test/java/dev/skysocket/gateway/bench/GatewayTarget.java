package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fallback gateway as a Fargate task runs it ({@code FallbackMain} from {@code chat-gateway.jar}, the
 * example app found through ServiceLoader) in its own JVM, against DynamoDB Local in a second JVM: the gateway's
 * memory is its own, while the connection and room items it keeps live in DynamoDB Local (reported beside it).
 */
final class GatewayTarget implements ServerTarget {
    /**
     * The JVM flags of the image's entrypoint (gateway/pom.xml, Jib {@code <entrypoint>}); with
     * {@code -XX:MaxRAM} set to the task's memory they size the heap as in the task.
     */
    static final List<String> SHIPPED_JVM_FLAGS = List.of("-XX:MaxRAMPercentage=75", "-XX:+UseG1GC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20");

    private final ChildProcess dynamo;
    private final ChildProcess gateway;
    private final int port;
    private final String conditions;
    /** Where the JFR recording goes, or null when none runs. */
    private final String jfr;

    private GatewayTarget(ChildProcess dynamo, ChildProcess gateway, int port, String conditions, String jfr) {
        this.dynamo = dynamo;
        this.gateway = gateway;
        this.port = port;
        this.conditions = conditions;
        this.jfr = jfr;
    }

    static GatewayTarget start(ComparisonSettings s, Path logDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ChildProcess dynamo = ChildProcess.start("dynamodb-local", List.of(java, "-Xmx1g", "-cp",
                        System.getProperty("java.class.path"), DynamoProcess.class.getName(), "0", "skysocket"),
                Map.of(), logDir.resolve("dynamodb-local.log"), Pattern.compile("dynamodb-ready (\\d+)"),
                Duration.ofMinutes(2));
        try {
            List<String> command = new ArrayList<>(List.of(java, "-XX:MaxRAM=" + s.gatewayRam()));
            if (!s.gatewayHeap().isEmpty()) {
                command.add("-Xmx" + s.gatewayHeap());
            }
            command.addAll(s.gatewayJvmOptions());
            // GC pauses, to line up with the latency trace; logging them changes nothing measurable.
            command.add("-Xlog:gc:file=" + logDir.resolve("gateway-gc.log") + ":uptime,time");
            if (s.gatewayNmt()) {
                command.add("-XX:NativeMemoryTracking=summary");
            }
            if (s.gatewayJfr() != null) {
                // The SDK's request pipeline is deeper than JFR's default 64 frames: keep the caller in the stack.
                command.add("-XX:FlightRecorderOptions=stackdepth=256");
                command.add("-XX:StartFlightRecording=filename=" + s.gatewayJfr() + ",settings=profile");
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
                    + ", DynamoDB Local 2.6.1 in-memory in a second JVM (-Xmx1g)";
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

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String conditions() {
        return conditions;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Memory.Sample memory() throws IOException, InterruptedException {
        return Memory.ofJvm(gateway.pid());
    }

    @Override
    public long storeRss() throws IOException {
        return Memory.rss(dynamo.pid());
    }

    @Override
    public List<Long> serverPids() {
        return List.of(gateway.pid(), dynamo.pid());
    }

    @Override
    public void close() {
        if (jfr != null) {
            // Written now: draining many connections can outlast close()'s SIGKILL deadline, which loses it.
            try {
                Memory.jcmd(gateway.pid(), "JFR.dump filename=" + jfr);
            } catch (IOException | RuntimeException e) {
                System.err.println("[bench] JFR dump failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        gateway.close();
        dynamo.close();
    }
}
