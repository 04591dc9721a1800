package dev.skysocket.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario of {@code js/scenarios} with Node: {@code node <script> <ws-url> <stage-path>}, under a
 * timeout. A scenario prints checkpoints ({@code @name {json}}) the test may answer on stdin, then one JSON
 * line of observations. The test asserts the exit code and the observations, so it can fail on its own too.
 */
public final class NodeScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String END = "\u0000end";

    private final String script;
    private final List<String> args;
    private final Duration timeout;
    private final Map<String, String> env;

    private NodeScenario(String script, List<String> args, Duration timeout, Map<String, String> env) {
        this.script = script;
        this.args = args;
        this.timeout = timeout;
        this.env = env;
    }

    public static NodeScenario of(String script, String... args) {
        return new NodeScenario(script, List.of(args), Duration.ofSeconds(60), Map.of());
    }

    public NodeScenario timeout(Duration limit) {
        return new NodeScenario(script, args, limit, env);
    }

    /** The client setup the harness's {@code client()} makes ({@code SKYSOCKET_CLIENT}); default {@code apigw}. */
    public NodeScenario clientSetup(String setup) {
        return withEnv("SKYSOCKET_CLIENT", setup);
    }

    /** The scenario with one more environment variable (e.g. {@code SKYSOCKET_ADMIN_TOKEN}). */
    public NodeScenario withEnv(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(env);
        more.put(name, value);
        return new NodeScenario(script, args, timeout, Map.copyOf(more));
    }

    /** Runs to the end and returns what it printed. */
    public Result run() {
        try (Running running = start()) {
            return running.await();
        }
    }

    public Running start() {
        Path dir = jsDir();
        Path file = dir.resolve("scenarios").resolve(script);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no scenario " + file);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/socket.io-client"))) {
            throw new IllegalStateException("socket.io-client is not installed in " + dir
                    + ": run `npm ci` there (`mvn verify` does it before the integration tests)");
        }
        List<String> command = new ArrayList<>(List.of("node", file.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("NODE_NO_WARNINGS", "1");
        builder.environment().putAll(env);
        try {
            return new Running(builder.start(), String.join(" ", command), timeout);
        } catch (IOException e) {
            throw new IllegalStateException("could not start Node: the integration tests need Node.js (>= 18) on PATH"
                    + " to run socket.io-client (" + e.getMessage() + ")", e);
        }
    }

    /** The scenarios' folder: set by the build ({@code skysocket.it.js-dir}), else {@code js} under the module. */
    static Path jsDir() {
        String configured = System.getProperty("skysocket.it.js-dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("js");
        if (!Files.isDirectory(dir) && configured == null) {
            dir = Path.of("integration-tests", "js");
        }
        return dir.toAbsolutePath();
    }

    /** A scenario in progress. Closing it kills the process if it still runs. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final String command;
        private final long deadline;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        private final StringBuilder stderr = new StringBuilder();
        private final Thread outReader;
        private final Thread errReader;

        private Running(Process process, String command, Duration timeout) {
            this.process = process;
            this.command = command;
            this.deadline = System.nanoTime() + timeout.toNanos();
            this.outReader = pump(process.getInputStream(), line -> {
                stdout.add(line);
                lines.add(line);
            }, "node-stdout");
            this.errReader = pump(process.getErrorStream(), line -> {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                }
            }, "node-stderr");
        }

        /** Waits for {@code @name {json}} on stdout and returns the JSON; fails if the scenario ends first. */
        public JsonNode awaitCheckpoint(String name) {
            String prefix = "@" + name + " ";
            while (true) {
                String line;
                try {
                    line = lines.poll(remainingMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for checkpoint " + name, e);
                }
                if (line == null || line.equals(END)) {
                    throw new AssertionError("scenario " + describe() + " reached no checkpoint '" + name + "'"
                            + (line == null ? " in time" : "") + "\nstdout: " + stdout + "\nstderr: " + stderr());
                }
                if (line.startsWith(prefix)) {
                    return parse(line.substring(prefix.length()));
                }
            }
        }

        /** Lets a scenario waiting at a checkpoint go on. */
        public void resume() {
            try {
                Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                in.write("go\n");
                in.flush();
            } catch (IOException e) {
                throw new AssertionError("scenario " + describe() + " no longer reads stdin: " + stderr(), e);
            }
        }

        /** Waits for the end (killing the scenario past its timeout) and returns what it printed. */
        public Result await() {
            try {
                if (!process.waitFor(remainingMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                    joinReaders();
                    throw new AssertionError("scenario " + describe() + " did not finish in time; killed"
                            + "\nstdout: " + stdout + "\nstderr: " + stderr());
                }
                joinReaders();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + describe(), e);
            }
            List<String> printed = List.copyOf(stdout);
            JsonNode observations = null;
            for (int i = printed.size() - 1; i >= 0 && observations == null; i--) {
                if (printed.get(i).startsWith("{")) {
                    observations = parse(printed.get(i));
                }
            }
            return new Result(describe(), process.exitValue(), printed, stderr(), observations);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }

        private long remainingMillis() {
            return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        }

        private void joinReaders() throws InterruptedException {
            outReader.join(5000);
            errReader.join(5000);
        }

        private String stderr() {
            synchronized (stderr) {
                return stderr.toString();
            }
        }

        private String describe() {
            return command;
        }

        private Thread pump(InputStream stream, java.util.function.Consumer<String> sink, String name) {
            Thread thread = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        sink.accept(line);
                    }
                } catch (IOException e) {
                    // the process is gone; what was read is kept
                } finally {
                    if (name.equals("node-stdout")) {
                        lines.add(END);
                    }
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }

    /**
     * What a scenario printed.
     *
     * @param observations the last JSON line on stdout, or null when there was none
     */
    public record Result(String command, int exitCode, List<String> stdout, String stderr, JsonNode observations) {

        /** Fails with everything the scenario said unless it exited 0 and printed its observations. */
        public JsonNode succeeded() {
            if (exitCode != 0 || observations == null) {
                throw new AssertionError("scenario failed (exit " + exitCode + "): " + command
                        + "\nstderr:\n" + stderr + "\nstdout:\n" + String.join("\n", stdout));
            }
            return observations;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("a scenario printed a line that is not JSON: " + json, e);
        }
    }
}
