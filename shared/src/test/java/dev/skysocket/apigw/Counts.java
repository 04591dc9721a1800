package dev.skysocket.apigw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measured counts as {@code key=value} lines, merged into a file that the cost model reads, so its tables are
 * recomputed from measurements rather than typed by hand. Keys already in the file and not measured now are kept.
 */
final class Counts {
    private final Map<String, String> values = new TreeMap<>();

    void put(String key, double value) {
        values.put(key, value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.4f", value));
    }

    void put(String key, String value) {
        values.put(key, value);
    }

    /** Merges into {@code file} (created if missing), sorted by key. */
    void mergeInto(Path file) throws IOException {
        Map<String, String> merged = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    merged.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        merged.putAll(values);
        StringBuilder text = new StringBuilder("# Measured counts (written by the benchmarks; read by the cost model)\n");
        merged.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text);
    }
}
