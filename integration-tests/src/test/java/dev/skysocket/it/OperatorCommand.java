package dev.skysocket.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command an operator gave (e.g. a redeploy of the stage) with {@code sh -c}, its output in a log file,
 * under a timeout; a command still running at the timeout is killed with its children.
 */
final class OperatorCommand {

    record Result(int exitCode, Duration took) {
    }

    private OperatorCommand() {
    }

    static Result run(String command, Duration timeout, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder("sh", "-c", command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // No input: a command that asks a question (e.g. a changeset confirmation) gets end of file, not a hang.
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the command did not finish within " + timeout + ": " + command
                    + " (output in " + log.toAbsolutePath() + ")");
        }
        return new Result(process.exitValue(), Duration.ofNanos(System.nanoTime() - start));
    }
}
