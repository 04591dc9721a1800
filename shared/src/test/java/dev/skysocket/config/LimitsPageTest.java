package dev.skysocket.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/limits.md cannot drift silently from the README's settings table: every setting it names is a row there,
 * the value it gives contains that row's numeric default, and every limit or timeout setting there is on the page.
 */
class LimitsPageTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern README_ROW = Pattern.compile("(?m)^\\| `(skysocket\\.[a-z0-9.-]+)` \\| ([^|]*) \\|");
    private static final Pattern SETTING = Pattern.compile("`(skysocket\\.[a-z0-9.-]+)`");
    /** Names that mark a bound a client can run into (worker pools and their queues shed load when full). */
    private static final Pattern LIMIT_NAME =
            Pattern.compile("-ms$|max-|timeout|concurrency|payload|-bytes$|-workers$|-queue$|-backlog$");
    /** Matching names that bound no client: a schedule, and the emulator's deliberate jitter. */
    private static final Set<String> NOT_LIMITS = Set.of("skysocket.sweep-period-ms",
            "skysocket.sweep-pass-period-ms", "skysocket.apigw-max-invocation-delay-ms",
            "skysocket.metrics-flush-ms");

    private static Map<String, String> readmeDefaults() throws IOException {
        Map<String, String> defaults = new HashMap<>();
        Matcher row = README_ROW.matcher(Files.readString(ROOT.resolve("README.md")));
        while (row.find()) {
            defaults.put(row.group(1), row.group(2).trim());
        }
        return defaults;
    }

    private static String page() throws IOException {
        return Files.readString(ROOT.resolve("docs/limits.md"));
    }

    @Test
    void theReadmeLinksThePage() throws IOException {
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("(docs/limits.md)");
    }

    @Test
    void everySettingThePageNamesIsInTheReadmeWithTheDefaultThePageGives() throws IOException {
        Map<String, String> defaults = readmeDefaults();
        Set<String> unknown = new TreeSet<>();
        Set<String> wrongValue = new TreeSet<>();
        for (String line : page().split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| ") || cells.length < 5) {
                continue;
            }
            Matcher named = SETTING.matcher(cells[3]);
            while (named.find()) {
                String key = named.group(1);
                String readmeDefault = defaults.get(key);
                if (readmeDefault == null) {
                    unknown.add(key);
                } else if (readmeDefault.matches("\\d+") && !cells[2].contains(readmeDefault)) {
                    wrongValue.add(key + " (README: " + readmeDefault + ", page: " + cells[2].trim() + ")");
                }
            }
        }
        assertThat(unknown).as("settings on docs/limits.md missing from README's table").isEmpty();
        assertThat(wrongValue).as("values on docs/limits.md that differ from README's default").isEmpty();
    }

    @Test
    void everyLimitOrTimeoutSettingOfTheReadmeIsOnThePage() throws IOException {
        String page = page();
        Set<String> missing = new TreeSet<>();
        for (String key : readmeDefaults().keySet()) {
            if (LIMIT_NAME.matcher(key).find() && !NOT_LIMITS.contains(key) && !page.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertThat(readmeDefaults()).containsKeys("skysocket.max-payload", "skysocket.http-header-timeout-ms");
        assertThat(missing).as("limit and timeout settings missing from docs/limits.md").isEmpty();
    }
}
