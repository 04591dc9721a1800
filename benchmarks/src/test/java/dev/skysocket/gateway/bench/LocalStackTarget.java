package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
final class LocalStackTarget extends ChildTarget {
    /** The README command's JVM flags (none: the JVM's defaults on this machine). */
    static final List<String> README_JVM_FLAGS = List.of();
    private static final Pattern APIGW = Pattern.compile("API Gateway WebSocket \\(emulated\\): ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern GATEWAY = Pattern.compile("Fallback gateway .*: http://127\\.0\\.0\\.1:(\\d+)");

    private final String path;

    private LocalStackTarget(String name, ChildProcess stack, int port, String path, String conditions) {
        super(name, stack, port, conditions);
        this.path = path;
    }

    /** @param name {@code apigw} (clients on the emulator's stage) or {@code local-gateway} (on the gateway) */
    static LocalStackTarget start(String name, ComparisonSettings s, Path logDir) throws IOException {
        List<String> command = JvmCommand.java(s.localJvmOptions());
        JvmCommand.logGc(command, logDir.resolve(name + "-gc.log"));
        if (s.apigwJfr() != null) {
            Path jfr = Path.of(s.apigwJfr());
            JvmCommand.record(command, jfr.resolveSibling(name + "-" + jfr.getFileName()).toString(), true);
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
    public String path() {
        return path;
    }
}
