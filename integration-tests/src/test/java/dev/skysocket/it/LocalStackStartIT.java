package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a newcomer sees it: the example's local jar, started as its own process from
 * another working directory, prints no warning, prints only JSON lines with the JSON setting, and stops within
 * 5 s of SIGTERM while idle.
 */
@Timeout(180)
class LocalStackStartIT {
    private static final Path JAR = Path.of(System.getProperty("skysocket.local-jar",
            "../examples/chat/local/target/chat-local.jar")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path elsewhere;

    @Test
    void startsWithoutAWarningAndStopsWithinFiveSecondsOfSigterm() throws Exception {
        List<String> lines = run("text");

        assertThat(lines).anyMatch(line -> line.contains("Skysocket local stack is up."));
        assertThat(lines).as("start-up output").noneMatch(line -> line.matches("(?i).*\\b(warn|warning|error)\\b.*")
                || line.contains("SLF4J") || line.contains("ANTLR"));
    }

    @Test
    void withTheJsonSettingEveryLineIsOneJsonObject() throws Exception {
        List<String> lines = run("json");

        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertThat(record.isObject()).as(line).isTrue();
            assertThat(record.path("level").asText()).as(line).isIn("INFO", "DEBUG", "TRACE");
            assertThat(record.has("timestamp") && record.has("message") && record.has("logger")).as(line).isTrue();
        }
        assertThat(lines).anyMatch(line -> line.contains("event=local_stack_started"));
    }

    /** Starts the jar, waits until it is up, sends SIGTERM, and returns every line it printed. */
    private List<String> run(String format) throws Exception {
        assertThat(JAR).as("`mvn package` in examples/chat/local writes it").isRegularFile();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path dir = Files.createDirectories(elsewhere.resolve(format));
        // Output goes to a file, not a pipe: a pipe read racing the process's exit can fail with "Stream closed".
        Path output = dir.resolve("output.log");
        Process process = new ProcessBuilder(java.toString(), "-Dskysocket.log-format=" + format,
                "-Dskysocket.apigw-port=0", "-Dskysocket.gateway-port=0", "-Dskysocket.gateway-management-port=0",
                "-Dskysocket.dynamodb-port=0", "-jar", JAR.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> lines(output).stream().anyMatch(line ->
                    line.contains("Stop with Ctrl-C or SIGTERM.") || line.contains("event=local_stack_started"))
                    || !process.isAlive());
            assertThat(process.isAlive()).as("running after start: " + lines(output)).isTrue();

            long sent = System.nanoTime();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(5, TimeUnit.SECONDS)).as("stopped within 5 s of SIGTERM").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return lines(output);
    }

    /** Every complete line written so far (a line still being written is left for the next look). */
    private static List<String> lines(Path output) throws IOException {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }
}
