package dev.skysocket.gateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on a {@link ClientSwarm} child JVM, started with this JVM's java and class path. The clients
 * live in their own process because a run of N connections holds N client and N server sockets, and each process
 * has its own open-file limit (20,000 here, which 2 x 10,000 plus the JVM's own files would exceed).
 */
final class SwarmProcess implements AutoCloseable {

    /** What {@code await} saw: the fewest and most messages any one client received, and their sum. */
    record Counts(long min, long max, long total) {
    }

    private final Process process;
    private final BufferedReader replies;
    private final PrintStream commands;

    private SwarmProcess(Process process) {
        this.process = process;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts the child and returns once all its clients are connected; throws with the child's reason if not. */
    static SwarmProcess start(String websocketUrl, int clients, int concurrency, String heap) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), ClientSwarm.class.getName(), websocketUrl,
                Integer.toString(clients), Integer.toString(concurrency)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        SwarmProcess swarm = new SwarmProcess(process);
        String first = swarm.replies.readLine();
        if (first == null || !first.equals("connected " + clients)) {
            swarm.close();
            throw new IllegalStateException("client swarm: " + (first == null ? "exited" : first));
        }
        return swarm;
    }

    /** Waits until every client has {@code expected} messages (or {@code timeout}) and says what each got. */
    Counts await(long expected, Duration timeout) throws IOException {
        commands.println("await " + expected + " " + timeout.toSeconds());
        String reply = replies.readLine();
        if (reply == null || !reply.startsWith("counts ")) {
            throw new IllegalStateException("client swarm: " + reply);
        }
        String[] words = reply.split(" ");
        return new Counts(Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        commands.println("quit");
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
