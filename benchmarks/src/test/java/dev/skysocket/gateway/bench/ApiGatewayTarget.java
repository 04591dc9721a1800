package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API Gateway path of the local stack ({@code java -jar chat-local.jar}, one JVM): the WebSocket
 * emulator, the Lambda-style {@code $connect}/{@code $default} routes, DynamoDB Local in-process and fan-out
 * through the emulated Management API. Only the latency figure is measured on it: its memory mixes all of those.
 */
final class ApiGatewayTarget implements ServerTarget {
    private final ChildProcess stack;
    private final int port;
    private final String stage;

    private ApiGatewayTarget(ChildProcess stack, int port, String stage) {
        this.stack = stack;
        this.port = port;
        this.stage = stage;
    }

    static ApiGatewayTarget start(ComparisonSettings s, Path logDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        if (s.apigwJfr() != null) {
            // The whole run, like --gateway-jfr: the trace's wall-clock stamps line emits up with its samples.
            command.add("-XX:StartFlightRecording=filename=" + s.apigwJfr() + ",settings=profile");
        }
        command.addAll(List.of("-Dskysocket.apigw-port=0", "-Dskysocket.dynamodb-port=0",
                "-Dskysocket.gateway-port=0", "-Dskysocket.gateway-management-port=0",
                "-Dskysocket.ping-interval-ms=" + s.pingIntervalMs(),
                "-Dskysocket.ping-timeout-ms=" + s.pingTimeoutMs(),
                "-Dskysocket.sweep-period-ms=" + Math.min(s.pingIntervalMs(), 60_000),
                "-cp", s.localClasspath(), "dev.skysocket.local.LocalRunner"));
        ChildProcess stack = ChildProcess.start("local-stack", command, Map.of(), logDir.resolve("local-stack.log"),
                Pattern.compile("API Gateway WebSocket \\(emulated\\): ws://127\\.0\\.0\\.1:(\\d+)/"),
                Duration.ofMinutes(2));
        return new ApiGatewayTarget(stack, Integer.parseInt(stack.readyGroup()), "dev");
    }

    @Override
    public String name() {
        return "apigw";
    }

    @Override
    public String conditions() {
        return "the local stack's API Gateway path (LocalRunner in one JVM, -Xmx1g: emulator, Lambda-style routes, "
                + "DynamoDB Local in-process, fan-out through the emulated Management API)";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String path() {
        return "/" + stage;
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
