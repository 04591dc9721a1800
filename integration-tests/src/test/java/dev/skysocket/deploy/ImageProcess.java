package dev.skysocket.deploy;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program of the extracted image run as a container runtime would: in a chroot of the layers (so the ELF
 * interpreter and the libraries are the image's own), as the image's user, in a new PID and mount namespace with
 * its own {@code /proc} (the loader resolves {@code $ORIGIN} through {@code /proc/self/exe}), with only the
 * environment given. Needs root, {@code unshare} and {@code chroot}; {@link #ranInside()} says whether it got in.
 */
final class ImageProcess implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(90);
    private static final List<String> TOOLS = List.of("/usr/bin/unshare", "/usr/sbin/chroot");

    private final Process process;
    private final Path log;
    private final int port;

    private ImageProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    record Result(int exitCode, String output) {
        /** False when unshare or chroot refused (no root, no namespaces): nothing of the image ran. */
        boolean ranInside() {
            return !refused(output);
        }
    }

    static Result run(Path root, String user, List<String> command, Map<String, String> env) throws IOException,
            InterruptedException {
        if (!toolsPresent()) {
            return new Result(-1, "unshare: not found at " + TOOLS);
        }
        Path log = Files.createTempFile("image-run", ".log");
        try {
            Process process = builder(root, user, command, env, log).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("no exit within 60 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Starts the gateway's entrypoint with {@code env}, its engine port replaced by a free loopback port. */
    static ImageProcess start(Path root, String user, List<String> entrypoint, Map<String, String> env)
            throws IOException {
        Path log = Files.createTempFile("image-gateway", ".log");
        if (!toolsPresent()) {
            Files.writeString(log, "unshare: not found at " + TOOLS);
            return new ImageProcess(null, log, -1);
        }
        Map<String, String> local = new HashMap<>(env);
        int port = freePort();
        // Loopback only on this machine; the task binds 0.0.0.0 and finds its own address instead.
        local.put("SKYSOCKET_GATEWAY_HOST", "127.0.0.1");
        local.put("SKYSOCKET_GATEWAY_PORT", Integer.toString(port));
        local.put("SKYSOCKET_GATEWAY_MANAGEMENT_HOST", "127.0.0.1");
        local.put("SKYSOCKET_GATEWAY_MANAGEMENT_PORT", Integer.toString(freePort()));
        return new ImageProcess(builder(root, user, entrypoint, local, log).start(), log, port);
    }

    /**
     * The task definition's environment with its references filled in as a deployment would (the region, a
     * table name, parameter defaults), plus what the task role would give: credentials, here dummies, and a
     * DynamoDB endpoint nobody listens on (starting the gateway does not call DynamoDB; its health check does, so a
     * test of that points it at a store).
     */
    static Map<String, String> taskEnvironment(Template template, Map<String, Object> container)
            throws IOException {
        Map<String, String> env = new HashMap<>();
        Template.nameValues(container.get("Environment")).forEach((name, value) -> {
            String ref = Template.refTarget(value);
            String resolved;
            if (ref == null) {
                resolved = String.valueOf(value);
            } else if (ref.equals("AWS::Region")) {
                resolved = "us-east-1";
            } else if (Template.map(Template.map(template.root().get("Parameters")).get(ref)).isEmpty()) {
                resolved = "skysocket-image-test-" + ref;
            } else {
                Object fallback = template.parameter(ref).get("Default");
                resolved = fallback == null ? "x".repeat(16) : String.valueOf(fallback);
            }
            env.put(name, resolved);
        });
        env.put("AWS_ACCESS_KEY_ID", "image-test");
        env.put("AWS_SECRET_ACCESS_KEY", "image-test");
        env.put("SKYSOCKET_DYNAMODB_ENDPOINT", "http://127.0.0.1:" + freePort());
        return env;
    }

    boolean ranInside() {
        if (process == null) {
            return false;
        }
        // unshare and chroot fail at once; the JVM takes longer to say anything.
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !refused(output());
    }

    /** Polls the health path until it answers 200 (the ALB's healthy); fails if the gateway exits first. */
    void awaitHealthy(String path) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        try {
            await("GET " + uri + " answers 200").atMost(START).pollInterval(Duration.ofMillis(250))
                    .failFast("the gateway exited", () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (RuntimeException | AssertionError notHealthy) {
            String out = output();
            throw new AssertionError("not healthy; the gateway's log ends: "
                    + out.substring(Math.max(0, out.length() - 3000)), notHealthy);
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null) {
            // unshare --kill-child ends the namespace's processes when it goes.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }

    private static ProcessBuilder builder(Path root, String user, List<String> command, Map<String, String> env,
            Path log) {
        List<String> all = new ArrayList<>(List.of(TOOLS.get(0), "--fork", "--kill-child", "--pid", "--mount",
                "--mount-proc=" + root.resolve("proc"), TOOLS.get(1), "--userspec=" + user, root.toString()));
        all.addAll(command);
        try {
            Files.createDirectories(root.resolve("proc"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(all).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    private static boolean refused(String output) {
        return output.startsWith("unshare:") || output.startsWith("chroot:");
    }

    private static boolean toolsPresent() {
        return TOOLS.stream().allMatch(tool -> Files.isExecutable(Path.of(tool)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
