package dev.skysocket.gateway.bench;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling: wrk posting the same frame to one connection's {@code @connections} URL as fast as it can, with a
 * SigV4-shaped {@code Authorization} header (the emulator checks its form, not the signature, so nothing is signed).
 */
final class WrkRun {

    /**
     * What wrk printed.
     *
     * @param requestsPerSecond its {@code Requests/sec} line
     * @param requests          responses it counted
     * @param non2xx            of those, not 2xx (0 when wrk printed no such line)
     * @param socketErrors      its {@code Socket errors} line, or "none"
     * @param latency           its latency line (avg, stdev, max)
     * @param cpuNanos          wrk's own CPU time, user plus system, or -1 when unknown
     */
    record Result(double requestsPerSecond, long requests, long non2xx, String socketErrors, String latency,
                  long cpuNanos) {
    }

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors:\\s*(.+)");
    private static final Pattern LATENCY = Pattern.compile("Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");
    /** The second line of bash's {@code times}: user and system time of the shell's children, i.e. wrk. */
    private static final Pattern CHILD_TIMES = Pattern.compile("(?m)^(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*\\z");

    private WrkRun() {
    }

    /** The wrk on the PATH, if any. */
    static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The {@code @connections} URL of one connection; ids may hold '+', '/' and '=', so the segment is encoded. */
    static String connectionUrl(String baseUrl, String connectionId) {
        return baseUrl + "/@connections/" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8);
    }

    static Result run(Path wrk, String url, String frame, int connections, Duration duration)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("fanout-post", ".lua");
        try {
            Files.writeString(script, luaScript(frame));
            // bash runs wrk, then prints wrk's CPU time with `times`, keeping wrk's exit status.
            List<String> command = List.of("bash", "-c", "\"$0\" \"$@\"; status=$?; times; exit $status",
                    wrk.toString(), "-t1", "-c" + connections, "-d" + duration.toSeconds()
                    + "s", "--latency", "-s", script.toString(), url);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            System.err.println(output);
            return parse(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static Result parse(String output) {
        Matcher rate = REQUESTS_PER_SECOND.matcher(output);
        Matcher requests = REQUESTS.matcher(output);
        if (!rate.find() || !requests.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher errors = SOCKET_ERRORS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        Matcher times = CHILD_TIMES.matcher(output);
        long cpuNanos = times.find() ? Math.round((Long.parseLong(times.group(1)) * 60
                + Double.parseDouble(times.group(2)) + Long.parseLong(times.group(3)) * 60
                + Double.parseDouble(times.group(4))) * 1e9) : -1;
        return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(requests.group(1)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors.find() ? errors.group(1).trim() : "none",
                latency.find() ? "avg " + latency.group(1) + ", max " + latency.group(3) : "?", cpuNanos);
    }

    /** POST, the frame as the body, and a header of SigV4's shape; a Lua long string keeps the frame's quotes. */
    private static String luaScript(String frame) {
        return "wrk.method = \"POST\"\n"
                + "wrk.body = [==[" + frame + "]==]\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.headers[\"Authorization\"] = \"AWS4-HMAC-SHA256 "
                + "Credential=dummy/20260101/us-east-1/execute-api/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64) + "\"\n";
    }
}
