package dev.skysocket.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The "must not import" rules of the module READMEs and package notes, checked on a module's main sources so the
 * layout is kept by the build. Each architecture test names a package and the imports it may or may not have; a
 * rule over a package without sources fails, so a renamed package cannot make its rule pass unseen.
 */
public final class ImportRules {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");

    private ImportRules() {
    }

    /** One import of one source file. */
    public record Import(String file, String type) {
        @Override
        public String toString() {
            return file + " imports " + type;
        }
    }

    /**
     * The imports of a package's sources in this module (main sources; test sources for a package that has none,
     * such as the shared test fixtures); {@code withSubpackages} adds those below it.
     */
    public static List<Import> importsOf(String pkg, boolean withSubpackages) {
        Path dir = MAIN.resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            dir = TEST.resolve(pkg.replace('.', '/'));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, withSubpackages ? Integer.MAX_VALUE : 1)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no sources for " + pkg + " under " + dir.toAbsolutePath(), e);
        }
        if (files.stream().noneMatch(p -> !p.endsWith("package-info.java"))) {
            throw new AssertionError("package " + pkg + " has no sources: the rule would see nothing");
        }
        List<Import> imports = new ArrayList<>();
        for (Path file : files) {
            try {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    imports.add(new Import(dir.relativize(file).toString(), m.group(2)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return imports;
    }

    /** The imports of {@code pkg} that start with any of {@code forbidden} (package or type name prefixes). */
    public static Set<String> importsMatching(String pkg, boolean withSubpackages, List<String> forbidden) {
        return select(importsOf(pkg, withSubpackages), i -> forbidden.stream().anyMatch(i.type()::startsWith));
    }

    /** The imports of {@code pkg} that start with none of {@code allowed}. */
    public static Set<String> importsOutside(String pkg, boolean withSubpackages, List<String> allowed) {
        return select(importsOf(pkg, withSubpackages), i -> allowed.stream().noneMatch(i.type()::startsWith));
    }

    private static Set<String> select(List<Import> imports, Predicate<Import> rule) {
        Set<String> found = new TreeSet<>();
        imports.stream().filter(rule).forEach(i -> found.add(i.toString()));
        return found;
    }
}
