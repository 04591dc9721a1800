package dev.skysocket.benchmarks;

import static dev.skysocket.testing.ImportRules.importsOf;
import static dev.skysocket.testing.ImportRules.importsOutside;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the JMH jar holds runs from that jar alone (package notes): the cost model reads files and draws charts,
 * and the micro-benchmarks touch only the codecs; whatever needs the local stack lives in the test sources.
 */
class BenchmarksArchitectureTest {

    @Test
    void theCostModelImportsNoProductPackage() {
        assertThat(importsOutside("dev.skysocket.benchmarks.cost", true,
                List.of("java.", "org.knowm.xchart.", "dev.skysocket.benchmarks."))).isEmpty();
    }

    @Test
    void theJmhJarImportsOfTheProductOnlyTheCodecsTheLogFormatAndTheMetrics() {
        // The JMH jar leaves the AWS SDK out: the codecs, logging and metrics are the product parts it can hold.
        Set<String> found = new TreeSet<>();
        importsOf("dev.skysocket.benchmarks", true).stream()
                .filter(i -> i.type().startsWith("dev.skysocket."))
                .filter(i -> !i.type().startsWith("dev.skysocket.benchmarks.")
                        && !i.type().startsWith("dev.skysocket.protocol.")
                        && !i.type().startsWith("dev.skysocket.logging.")
                        && !i.type().startsWith("dev.skysocket.metrics."))
                .forEach(i -> found.add(i.toString()));
        assertThat(found).isEmpty();
    }
}
