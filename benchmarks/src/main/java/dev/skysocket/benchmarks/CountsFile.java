package dev.skysocket.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file of {@code key=value} lines: the measured counts the cost model reads, and its prices and assumptions.
 * Benchmarks merge their figures in (keys they did not measure are kept), so the model is re-run, not retyped.
 */
public final class CountsFile {
    private CountsFile() {
    }

    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new TreeMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (eq > 0 && !trimmed.startsWith("#")) {
                values.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
            }
        }
        return values;
    }

    public static void merge(Path file, Map<String, Double> measured) throws IOException {
        Map<String, String> all = read(file);
        measured.forEach((k, v) -> all.put(k, v == Math.rint(v) ? String.valueOf(v.longValue())
                : String.format(Locale.ROOT, "%.4f", v)));
        StringBuilder text = new StringBuilder("# Measured counts (written by the benchmarks; read by the cost model)\n");
        all.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, text);
    }
}
