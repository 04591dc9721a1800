package dev.skysocket.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
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
 * STYLE §1: the codecs are pure. Their sources import, and their class files reference, nothing but the JDK,
 * Jackson and the protocol packages themselves: no AWS, Quarkus, HTTP or store types.
 */
class ProtocolArchitectureTest {
    private static final List<String> ALLOWED = List.of("java/", "com/fasterxml/jackson/", "dev/skysocket/protocol/");
    private static final Path SOURCES = Path.of("src/main/java/dev/skysocket/protocol");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+);");

    @Test
    void protocolSourcesImportOnlyTheJdkAndJackson() throws IOException {
        Set<String> foreign = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(2).replace('.', '/');
                if (!allowed(imported)) {
                    foreign.add(file.getFileName() + " imports " + m.group(2));
                }
            }
        }

        assertThat(files).hasSizeGreaterThan(10);
        assertThat(foreign).isEmpty();
    }

    @Test
    void protocolClassesReferenceOnlyTheJdkAndJackson() throws Exception {
        Path classes = Path.of(ProtocolException.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/skysocket/protocol");
        Set<String> foreign = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            for (String type : referencedTypes(Files.readAllBytes(file))) {
                if (!allowed(type)) {
                    foreign.add(file.getFileName() + " references " + type);
                }
            }
        }

        assertThat(files).hasSizeGreaterThan(10);
        assertThat(foreign).isEmpty();
    }

    @Test
    void theClassScanSeesForeignTypes() throws IOException, URISyntaxException {
        // This test class uses JUnit and AssertJ, so a scan that finds nothing here would be blind.
        try (InputStream in = ProtocolArchitectureTest.class.getResourceAsStream("ProtocolArchitectureTest.class")) {
            assertThat(referencedTypes(in.readAllBytes())).anyMatch(t -> t.startsWith("org/junit/"))
                    .anyMatch(t -> t.startsWith("org/assertj/"));
        }
    }

    private static boolean allowed(String internalName) {
        return ALLOWED.stream().anyMatch(internalName::startsWith);
    }

    /** Class names in the constant pool: Class entries and every {@code Lpkg/Type;} inside a descriptor. */
    static Set<String> referencedTypes(byte[] classFile) {
        Set<String> types = new TreeSet<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.skipBytes(8); // magic, minor, major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNames = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNames[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.skipBytes(2);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 15 -> in.skipBytes(3);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // longs and doubles take two slots (JVMS §4.4.5)
                    }
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag);
                }
            }
            for (int i = 1; i < count; i++) {
                if (classNames[i] != 0 && !utf8[classNames[i]].startsWith("[")) {
                    types.add(utf8[classNames[i]]);
                }
                if (utf8[i] != null) {
                    Matcher m = TYPE_IN_DESCRIPTOR.matcher(utf8[i]);
                    while (m.find()) {
                        types.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }
}
