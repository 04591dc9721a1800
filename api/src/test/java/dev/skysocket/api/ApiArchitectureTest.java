package dev.skysocket.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
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
 * What an app compiles against stays small and free of the platform: its sources import only the JDK, Jackson's
 * JSON trees and the API itself (no AWS, DynamoDB, Quarkus or Vert.x type can reach a public signature), and
 * every public type says what it is in Javadoc.
 */
class ApiArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/skysocket/api");
    private static final List<String> ALLOWED = List.of("java.", "com.fasterxml.jackson.", "dev.skysocket.api.");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(final\\s+|sealed\\s+|abstract\\s+)*(class|interface|record|enum|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    @Test
    void apiSourcesImportOnlyTheJdkJacksonAndTheApi() throws IOException {
        Set<String> foreign = new TreeSet<>();
        for (Path file : sources()) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if (ALLOWED.stream().noneMatch(m.group(2)::startsWith)) {
                    foreign.add(SOURCES.relativize(file) + " imports " + m.group(2));
                }
            }
        }
        assertThat(foreign).isEmpty();
    }

    @Test
    void everyPublicTypeHasJavadoc() throws IOException {
        Set<String> undocumented = new TreeSet<>();
        int types = 0;
        for (Path file : sources()) {
            String text = Files.readString(file);
            Matcher m = PUBLIC_TYPE.matcher(text);
            while (m.find()) {
                types++;
                String before = text.substring(0, m.start()).stripTrailing();
                // Annotations may stand between the comment and the declaration.
                String withoutAnnotations = before.replaceAll("(?m)^@[\\w.]+(\\([^)]*\\))?\\s*$", "").stripTrailing();
                if (!withoutAnnotations.endsWith("*/")) {
                    undocumented.add(m.group(3));
                }
            }
        }
        assertThat(types).isGreaterThan(15);
        assertThat(undocumented).isEmpty();
    }

    @Test
    void theApiEntryPointsArePublic() {
        for (Class<?> type : List.of(SocketApp.class, SocketServer.class, Namespace.class, Socket.class,
                BroadcastOperator.class, Emitter.class, Ack.class, ConnectRefused.class)) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getName()).isTrue();
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList();
        }
    }
}
