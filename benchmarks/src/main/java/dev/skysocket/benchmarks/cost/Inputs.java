package dev.skysocket.benchmarks.cost;

import java.util.Map;
import java.util.TreeMap;

/** Measured counts and priced assumptions by key; a missing key is an error that names the benchmark to run. */
final class Inputs {
    private final Map<String, String> values;

    Inputs(Map<String, String> counts, Map<String, String> assumptions) {
        this.values = new TreeMap<>(assumptions);
        this.values.putAll(counts);
    }

    double get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("missing '" + key + "': run bench/run-all.sh (or the benchmark that "
                    + "measures it) to write the counts file");
        }
        return Double.parseDouble(value);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Keys starting with {@code prefix}, for the measured broadcast sizes. */
    Map<String, Double> withPrefix(String prefix) {
        Map<String, Double> found = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                found.put(k.substring(prefix.length()), Double.parseDouble(v));
            }
        });
        return found;
    }
}
