package dev.skysocket.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Prometheus' text exposition format 0.0.4 as far as Skysocket writes it, asserting its rules on the way. */
public final class PrometheusText {
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|summary)");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*) (\\S+)");

    private PrometheusText() {
    }

    /** The exposition format's rules this output uses: a TYPE line before its family's samples, one per family. */
    public static Map<String, Double> parse(String text) {
        assertThat(text).endsWith("\n");
        Map<String, Double> samples = new HashMap<>();
        Set<String> families = new HashSet<>();
        String family = null;
        String type = null;
        for (String line : text.split("\n")) {
            Matcher typeLine = TYPE.matcher(line);
            if (typeLine.matches()) {
                family = typeLine.group(1);
                type = typeLine.group(2);
                assertThat(families.add(family)).as("one TYPE line per family: %s", family).isTrue();
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
            String name = sample.group(1);
            if ("counter".equals(type)) {
                assertThat(name).isEqualTo(family).endsWith("_total");
            } else {
                assertThat(name).isIn(family + "_sum", family + "_count");
            }
            assertThat(samples.put(name, Double.parseDouble(sample.group(2)))).isNull();
        }
        return samples;
    }
}
