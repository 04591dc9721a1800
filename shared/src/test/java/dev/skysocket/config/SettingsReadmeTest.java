package dev.skysocket.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code skysocket.*} setting named in any module's main sources has a row in the top README's settings
 * table, and main code reads no setting past {@link Settings}.
 */
class SettingsReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern KEY = Pattern.compile("\"(skysocket\\.[a-z0-9][a-z0-9.-]*)\"");

    @Test
    void theMainSourcesNameSettings() {
        assertThat(keysInMainSources()).contains("skysocket.table", "skysocket.region", "skysocket.prime");
    }

    @Test
    void everySettingTheCodeReadsHasARowInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String key : keysInMainSources()) {
            if (!readme.contains("| `" + key + "` |")) {
                missing.add(key);
            }
        }
        assertThat(missing).as("settings read in main code but missing from README.md's table").isEmpty();
    }

    @Test
    void mainCodeReadsNoPropertyOrVariableOutsideSettings() {
        Pattern direct = Pattern.compile("System\\.getenv|System\\.getProperty|Integer\\.getInteger|Long\\.getLong"
                + "|Boolean\\.getBoolean");
        Set<String> offenders = new TreeSet<>();
        for (Path file : mainSources()) {
            if (file.endsWith(Path.of("dev", "skysocket", "config", "Settings.java"))) {
                continue;
            }
            if (direct.matcher(read(file)).find()) {
                offenders.add(ROOT.relativize(file).toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static Set<String> keysInMainSources() {
        Set<String> keys = new TreeSet<>();
        for (Path file : mainSources()) {
            Matcher m = KEY.matcher(read(file));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    private static Set<Path> mainSources() {
        Set<Path> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(ROOT, 12)) {
            walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> ROOT.relativize(p).toString().replace('\\', '/').matches("(.+/)?src/main/java/.+"))
                    .filter(p -> !ROOT.relativize(p).toString().contains("target"))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
