package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack as a user starts it ({@code java -jar chat-local.jar}, one JVM): the WebSocket emulator, the
 * Lambda-style routes, DynamoDB Local in-process, fan-out through the emulated Management API, and the fallback
 * gateway beside them on the same table. Clients reach either its API Gateway path ({@code apigw}) or its
 * gateway ({@code local-gateway}); memory figures of this JVM mix all of those.
 */
final class LocalStackTarget implements ServerTarget {
    /** The README command's JVM flags (none: the JVM's defaults on this machine). */
    static final List<String> README_JVM_FLAGS = List.of();
    private static final Pattern APIGW = Pattern.compile("API Gateway WebSocket \\(emulated\\): ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern GATEWAY = Pattern.compile("Fallback gateway .*: http://127\\.0\\.0\\.1:(\\d+)");

    private final String name;
    private final ChildProcess stack;
    private final int port;
    private final String path;
    private final String conditions;

    private LocalStackTarget(String name, ChildProcess stack, int port, String path, String conditions) {
        this.name = name;
        this.stack = stack;
        this.port = port;
        this.path = path;
        this.conditions = conditions;
    }

    /** @param name {@code apigw} (clients on the emulator's stage) or {@code local-gateway} (on the gateway) */
    static LocalStackTarget start(String name, ComparisonSettings s, Path logDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(s.localJvmOptions());
        // GC pauses, to line up with the latency trace; logging them changes nothing measurable.
        command.add("-Xlog:gc:file=" + logDir.resolve(name + "-gc.log") + ":uptime,time");
        if (s.apigwJfr() != null) {
            // The whole run, like --gateway-jfr: the trace's wall-clock stamps line emits up with its samples.
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            Path jfr = Path.of(s.apigwJfr());
            command.add("-XX:StartFlightRecording=filename=" + jfr.resolveSibling(name + "-" + jfr.getFileName())
                    + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-Dskysocket.apigw-port=0", "-Dskysocket.dynamodb-port=0",
                "-Dskysocket.gateway-port=0", "-Dskysocket.gateway-management-port=0",
                "-Dskysocket.ping-interval-ms=" + s.pingIntervalMs(),
                "-Dskysocket.ping-timeout-ms=" + s.pingTimeoutMs(),
                "-Dskysocket.sweep-period-ms=" + Math.min(s.pingIntervalMs(), 60_000),
                "-cp", s.localClasspath(), "dev.skysocket.local.LocalRunner"));
        Path log = logDir.resolve(name + "-local-stack.log");
        ChildProcess stack = ChildProcess.start(name, command, Map.of(), log,
                Pattern.compile("Stop with Ctrl-C"), Duration.ofMinutes(2));
        try {
            // The banner's earlier lines are in the copy of standard output by the time its last line matched.
            String banner = Files.readString(log.resolveSibling(log.getFileName() + ".stdout"));
            boolean apigw = name.equals("apigw");
            Matcher m = (apigw ? APIGW : GATEWAY).matcher(banner);
            if (!m.find()) {
                throw new IllegalStateException("no port for " + name + " in the local stack's banner: " + banner);
            }
            String flags = String.join(" ", s.localJvmOptions());
            String conditions = "the local stack (LocalRunner in one JVM, "
                    + (flags.isEmpty() ? "the README command's JVM defaults" : flags) + ", "
                    + System.getProperty("java.runtime.version") + "): emulator, Lambda-style routes, DynamoDB Local "
                    + "in-process, fan-out through the emulated Management API, fallback gateway; clients on its "
                    + (apigw ? "API Gateway path" : "fallback gateway") + (s.apigwJfr() != null ? ", JFR on" : "");
            return new LocalStackTarget(name, stack, Integer.parseInt(m.group(1)), apigw ? "/dev" : "/socket.io/",
                    conditions);
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
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
    public String path() {
        return path;
    }

    @Override
    public Memory.Sample memory() throws IOException, InterruptedException {
        return Memory.ofJvm(stack.pid());
    }

    @Override
    public List<Long> serverPids() {
        return List.of(stack.pid());
    }

    @Override
    public void close() {
        stack.close();
    }
}
