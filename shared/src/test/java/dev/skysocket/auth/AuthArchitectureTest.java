package dev.skysocket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The authorizer SPI carries no AWS types, so the Lambda authorizer and the local emulator run the same code:
 * the package imports only the JDK, the settings reader and Nimbus JOSE+JWT.
 */
class AuthArchitectureTest {
    private static final List<String> ALLOWED = List.of("java.", "com.nimbusds.", "dev.skysocket.auth.",
            "dev.skysocket.api.auth.", "dev.skysocket.config.");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void authSourcesImportOnlyTheJdkTheSettingsAndNimbus() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java/dev/skysocket/auth"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Set<String> foreign = new TreeSet<>();
        for (Path file : files) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(2);
                if (ALLOWED.stream().noneMatch(imported::startsWith)) {
                    foreign.add(file.getFileName() + " imports " + imported);
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(5);
        assertThat(foreign).isEmpty();
    }
}
