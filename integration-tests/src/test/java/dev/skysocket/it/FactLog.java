package dev.skysocket.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * The evidence of an {@link AwsFactsIT} run: one line per fact (fact, expected, observed, verdict) on stdout and
 * in {@code target/aws-facts.txt} ({@code -Dskysocket.it.facts-file} to put it elsewhere), so a run against a
 * stage leaves a record of what AWS did, skipped facts included with their reason.
 */
final class FactLog {
    static final String HOLDS = "holds";
    static final String DOES_NOT_HOLD = "DOES NOT HOLD";
    static final String OBSERVED = "observed (reported, not asserted)";
    private static final Path FILE = Path.of(System.getProperty("skysocket.it.facts-file", "target/aws-facts.txt"));

    private FactLog() {
    }

    /** Starts a new file naming what the facts run against. */
    static synchronized void start(String against) {
        write("# AWS facts checked against " + against + " at " + Instant.now() + "\n"
                + "# fact | expected | observed | verdict\n", false);
    }

    /** Records the fact and fails the test, saying all of it, unless it holds. */
    static void check(String fact, String expected, String observed, boolean holds) {
        record(fact, expected, observed, holds ? HOLDS : DOES_NOT_HOLD);
        if (!holds) {
            throw new AssertionError("AWS fact under test: " + fact + "\n  expected: " + expected
                    + "\n  observed: " + observed);
        }
    }

    /** Records what was seen of a fact nobody promises (e.g. an order AWS does not guarantee). */
    static void observe(String fact, String expected, String observed) {
        record(fact, expected, observed, OBSERVED);
    }

    /** Records the fact as skipped and aborts the test with the reason. */
    static void skip(String fact, String reason) {
        record(fact, "-", "-", "skipped: " + reason);
        Assumptions.abort("AWS fact not checked: " + fact + ": " + reason);
    }

    /** Skips unless {@code condition}; the reason is computed only when skipping. */
    static void skipUnless(boolean condition, String fact, String reason) {
        if (!condition) {
            skip(fact, reason);
        }
    }

    static synchronized void record(String fact, String expected, String observed, String verdict) {
        String line = fact + " | " + expected + " | " + observed + " | " + verdict;
        System.out.println("[aws-fact] " + line);
        write(line + "\n", true);
    }

    private static void write(String text, boolean append) {
        try {
            Path parent = FILE.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (append) {
                Files.writeString(FILE, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                Files.writeString(FILE, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }
}
