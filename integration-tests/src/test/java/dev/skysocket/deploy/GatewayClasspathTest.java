package dev.skysocket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The example app's gateway jar ({@code examples/chat/gateway}: the app plus {@code skysocket-gateway}) runs the
 * Fargate entry point, and its runtime class path, as its manifest names it, holds nothing that exists for local
 * development: no DynamoDB Local (nor the SQLite, Jetty and ANTLR it brings), no emulator, no local runner.
 */
class GatewayClasspathTest {
    private static final Path JAR = Path.of(System.getProperty("skysocket.gateway-jar",
            "../examples/chat/gateway/target/chat-gateway.jar"));

    @Test
    void theGatewayJarRunsTheFallbackGatewayOnAClassPathWithoutTheLocalStack() throws IOException {
        assertThat(JAR).as("`mvn package` in examples/chat/gateway writes it").isRegularFile();
        List<String> classPath;
        String main;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            main = manifest.getValue(Attributes.Name.MAIN_CLASS);
            classPath = Arrays.asList(manifest.getValue(Attributes.Name.CLASS_PATH).trim().split("\\s+"));
        }

        assertThat(main).isEqualTo("dev.skysocket.gateway.fallback.FallbackMain");
        assertThat(classPath).anyMatch(entry -> entry.matches("lib/skysocket-gateway-[^/]*\\.jar"))
                .anyMatch(entry -> entry.matches("lib/skysocket-example-chat-[^/]*\\.jar"));
        assertThat(classPath).as("the runtime class path")
                .noneMatch(entry -> LocalOnly.NAMES.matcher(entry).find());

        List<String> entries = new ArrayList<>();
        for (String entry : classPath) {
            Path file = JAR.resolveSibling(entry);
            assertThat(file).as(entry).isRegularFile();
            try (JarFile jar = new JarFile(file.toFile())) {
                jar.stream().forEach(e -> entries.add(entry + "!" + e.getName()));
            }
        }
        assertThat(entries).anyMatch(e -> e.endsWith("!dev/skysocket/app/ChatApp.class"));
        assertThat(entries).as("classes on the runtime class path")
                .noneMatch(e -> LocalOnly.NAMES.matcher(e).find());
        assertThat(Files.list(JAR.resolveSibling("lib")).map(p -> p.getFileName().toString()).toList())
                .as("lib/ beside the jar").noneMatch(name -> LocalOnly.NAMES.matcher(name).find());
    }
}
