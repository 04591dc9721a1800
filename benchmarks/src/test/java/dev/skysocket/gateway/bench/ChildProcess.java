package dev.skysocket.gateway.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the benchmark starts as its own process (DynamoDB Local, the gateway, the reference Node server), so
 * its memory is its own: standard error goes to a log file, standard output (where the product logs) to a
 * second one beside it, read line by line for the ready line.
 */
final class ChildProcess implements AutoCloseable {
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final String name;
    private final Process process;
    private final CompletableFuture<Matcher> ready = new CompletableFuture<>();

    private ChildProcess(String name, Process process, Pattern readyLine, Path stdoutLog) {
        this.name = name;
        this.process = process;
        RUNNING.add(process);
        Thread reader = new Thread(() -> read(readyLine, stdoutLog), name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} and waits for a standard-output line matching {@code readyLine}. */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log,
                              Pattern readyLine, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(env);
        // The product logs on standard output: kept beside the standard-error log.
        ChildProcess child = new ChildProcess(name, builder.start(), readyLine,
                log.resolveSibling(log.getFileName() + ".stdout"));
        try {
            child.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            child.close();
            throw new IllegalStateException(name + " did not start within " + timeout + " (log: " + log + ")", e);
        }
        return child;
    }

    /** The ready line's first group. */
    String readyGroup() {
        return ready.join().group(1);
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    private void read(Pattern readyLine, Path stdoutLog) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             BufferedWriter copy = Files.newBufferedWriter(stdoutLog, StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                copy.write(line);
                copy.newLine();
                copy.flush();
                Matcher m = readyLine.matcher(line);
                if (!ready.isDone() && m.find()) {
                    ready.complete(m);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException(name + " exited"));
    }

    /** Kills every child still running (a shutdown hook: the run was interrupted). */
    static void killAll() {
        RUNNING.forEach(Process::destroyForcibly);
    }

    /** SIGTERM, then SIGKILL after 20 s: only this child, by its pid. */
    @Override
    public void close() {
        RUNNING.remove(process);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
