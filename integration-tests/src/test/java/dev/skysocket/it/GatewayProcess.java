package dev.skysocket.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fallback gateway node in its own JVM, started as Fargate starts it ({@code FallbackMain}) with this JVM's
 * java and class path, settings as system properties and dummy AWS credentials, so that a real SIGTERM
 * ({@link #sigterm()}: SIGTERM on Linux) drives its drain. Its output goes to a
 * log file; {@link #start} returns once it printed its ports.
 */
final class GatewayProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile(
            "Skysocket gateway listening on port (\\d+), private Management API (\\S+)");

    private final String name;
    private final Process process;
    private final Thread pump;
    private final Path log;
    private final int port;
    private final String managementUrl;

    private GatewayProcess(String name, Process process, Thread pump, Path log, int port, String managementUrl) {
        this.name = name;
        this.process = process;
        this.pump = pump;
        this.log = log;
        this.port = port;
        this.managementUrl = managementUrl;
    }

    /** Starts {@code name} with {@code settings} (system properties) and waits at most {@code limit} for it. */
    static GatewayProcess start(String name, Map<String, String> settings, Path logDir, Duration limit)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "dev.skysocket.gateway.fallback.FallbackMain"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // DynamoDB Local accepts any key; the SDK's default chain reads these before trying anything remote.
        builder.environment().put("AWS_ACCESS_KEY_ID", "dummy");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "dummy");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Files.createDirectories(logDir);
        Path log = logDir.resolve("gateway-" + name + ".log");
        Process process = builder.start();
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> copy(process, log, ready), "gateway-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            Matcher ports = ready.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new GatewayProcess(name, process, pump, log, Integer.parseInt(ports.group(1)), ports.group(2));
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway " + name + " did not start within " + limit + "; see " + log, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting gateway " + name, e);
        }
    }

    private static void copy(Process process, Path log, CompletableFuture<Matcher> ready) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = out.readLine()) != null) {
                file.println(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    ready.complete(matcher);
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is in the file
        } finally {
            ready.completeExceptionally(new IllegalStateException("the gateway process ended before listening"));
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String managementUrl() {
        return managementUrl;
    }

    Path log() {
        return log;
    }

    /**
     * SIGTERM, as ECS sends it to a task it stops. Through the process handle: {@code Process.destroy} sends the
     * same signal but also closes our end of its output, and the drain's log lines would be lost.
     */
    void sigterm() {
        process.toHandle().destroy();
    }

    /** The exit code, or empty if the process still runs after {@code limit}; its last output is in the log. */
    OptionalInt awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.empty();
        }
        pump.join(5_000);
        return OptionalInt.of(process.exitValue());
    }

    /** Lines of the log containing {@code text}. */
    List<String> logLines(String text) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).toList();
    }

    /** Kills the process if it still runs (a failed test must not leave it behind). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
