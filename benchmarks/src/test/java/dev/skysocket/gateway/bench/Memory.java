package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of a server process, read from outside it: resident set size from {@code /proc/<pid>/status}, and the
 * live heap after a full collection (a JVM through {@code jcmd GC.run} then {@code GC.heap_info}; Node through
 * the reference server's {@code /bench/memory}, which calls {@code gc()}).
 */
final class Memory {
    /**
     * Used kilobytes per heap line of {@code GC.heap_info}: one line for G1 ("garbage-first heap total ..."),
     * one per generation for Serial and Parallel ("def new generation", "tenured generation", "PSYoungGen", ...),
     * each "total 123K, used 45K"; ZGC's one line says "ZHeap used 56M, capacity 130M" (group 2, megabytes).
     */
    private static final Pattern JVM_USED = Pattern.compile(
            "(?m)^ ?(?:\\S.*?total \\d+K, used (\\d+)K|ZHeap\\s+used (\\d+)M)");
    private static final Pattern JSON_NUMBER = Pattern.compile("\"%s\":(\\d+)");

    /** Bytes; {@code heapAfterGc} is the live heap after a forced full collection. */
    record Sample(long rss, long heapAfterGc, String breakdown) {
    }

    private Memory() {
    }

    static Sample ofJvm(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Thread.sleep(500); // let the collector give back what it shrank before reading RSS
        return new Sample(rss(pid), heapUsed(info), nativeMemory(pid));
    }

    /** Bytes used across the heap's lines of {@code GC.heap_info} (Metaspace is not heap). */
    static long heapUsed(String heapInfo) {
        Matcher m = JVM_USED.matcher(heapInfo);
        long kilobytes = 0;
        boolean found = false;
        while (m.find()) {
            if (!m.group().stripLeading().startsWith("Metaspace")) {
                kilobytes += m.group(1) != null ? Long.parseLong(m.group(1))
                        : Long.parseLong(m.group(2)) * 1024;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("jcmd GC.heap_info said: " + heapInfo);
        }
        return kilobytes * 1024;
    }

    static Sample ofNode(long pid, int port) throws IOException, InterruptedException {
        // HTTP/1.1 only: the client's h2c upgrade offer would reach engine.io's upgrade listener, which drops it.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bench/memory"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Thread.sleep(500);
        return new Sample(rss(pid), jsonNumber(body, "heapUsed"), String.format(java.util.Locale.ROOT,
                "heapTotal %d MiB, external %d MiB", jsonNumber(body, "heapTotal") >> 20,
                jsonNumber(body, "external") >> 20));
    }

    /** VmRSS of a process, in bytes. */
    static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }

    /**
     * Committed memory by area from Native Memory Tracking (when the JVM runs with
     * {@code -XX:NativeMemoryTracking=summary}), as "Java Heap 120 MiB, Thread 40 MiB, ..."; empty otherwise.
     */
    private static String nativeMemory(long pid) throws IOException, InterruptedException {
        String summary;
        try {
            summary = jcmd(pid, "VM.native_memory summary");
        } catch (IllegalStateException e) {
            return "";
        }
        Matcher m = Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(summary);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long mib = Long.parseLong(m.group(2)) >> 10;
            if (mib >= 2) {
                out.append(out.isEmpty() ? "" : ", ").append(m.group(1).trim()).append(' ').append(mib).append(" MiB");
            }
        }
        return out.toString();
    }

    private static long jsonNumber(String json, String field) {
        Matcher m = Pattern.compile(String.format(JSON_NUMBER.pattern(), field)).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("jcmd", Long.toString(pid), command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }
}
