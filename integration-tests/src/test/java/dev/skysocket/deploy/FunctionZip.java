package dev.skysocket.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What Lambda would find in an app's {@code function.zip} (the example's: {@code examples/chat/lambda/target}):
 * the Quarkus layout puts the application's classes at the root and every dependency under {@code lib/}, the
 * handlers of {@code skysocket-functions} among them. The zip is opened in a class loader of its own (parent: the
 * platform loader, so nothing of the test's classpath leaks in), and each class at the root or in one of the
 * product's own jars ({@code lib/dev.skysocket.*}) is loaded without being initialised to read its
 * {@code @jakarta.inject.Named} value — the name {@code QUARKUS_LAMBDA_HANDLER} selects.
 */
final class FunctionZip implements AutoCloseable {
    private static final String NAMED = "jakarta.inject.Named";
    /** The product's jars in the zip: where the handlers live when the app's Lambda module is not the library. */
    private static final String OWN_JARS = "lib/dev.skysocket.";
    private static final List<String> HANDLER_TYPES = List.of(
            "com.amazonaws.services.lambda.runtime.RequestHandler",
            "com.amazonaws.services.lambda.runtime.RequestStreamHandler");

    private final ZipFile zip;
    private final List<Path> ownJars;
    private final URLClassLoader loader;

    private FunctionZip(ZipFile zip, List<Path> ownJars, URLClassLoader loader) {
        this.zip = zip;
        this.ownJars = ownJars;
        this.loader = loader;
    }

    /** Opens the zip; its {@code lib/*.jar} go to {@code workDir}, since a class loader cannot read a jar in a zip. */
    static FunctionZip open(Path zipFile, Path workDir) throws IOException {
        if (!Files.isRegularFile(zipFile)) {
            throw new AssertionError(zipFile + " does not exist: build it first (mvn -DskipTests package, or let the "
                    + "reactor build examples/chat/lambda before integration-tests)");
        }
        ZipFile zip = new ZipFile(zipFile.toFile());
        List<URL> urls = new ArrayList<>();
        List<Path> ownJars = new ArrayList<>();
        urls.add(zipFile.toUri().toURL());
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                Path jar = workDir.resolve(Path.of(entry.getName()).getFileName().toString());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                }
                urls.add(jar.toUri().toURL());
                if (entry.getName().startsWith(OWN_JARS)) {
                    ownJars.add(jar);
                }
            }
        }
        return new FunctionZip(zip, ownJars,
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()));
    }

    /** True if the class is in the zip, at its root or in one of its jars. */
    boolean hasClass(String className) {
        return loader.getResource(className.replace('.', '/') + ".class") != null;
    }

    /** {@code @Named} value → class, for every Lambda handler class at the zip's root or in the product's jars. */
    Map<String, String> namedHandlers() throws IOException {
        List<Class<?>> handlerTypes = new ArrayList<>();
        for (String type : HANDLER_TYPES) {
            try {
                handlerTypes.add(Class.forName(type, false, loader));
            } catch (ClassNotFoundException e) {
                // a zip without that interface has no handlers of that kind
            }
        }
        List<String> classFiles = new ArrayList<>();
        zip.stream().map(ZipEntry::getName).filter(name -> !name.startsWith("lib/")).forEach(classFiles::add);
        for (Path jar : ownJars) {
            try (ZipFile own = new ZipFile(jar.toFile())) {
                own.stream().map(ZipEntry::getName).forEach(classFiles::add);
            }
        }
        Map<String, String> found = new TreeMap<>();
        for (String name : classFiles) {
            if (!name.endsWith(".class") || name.startsWith("META-INF/")
                    || name.endsWith("module-info.class") || name.endsWith("package-info.class")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
            } catch (ClassNotFoundException | LinkageError unloadable) {
                continue;  // generated glue whose dependencies this loader need not resolve
            }
            if (handlerTypes.stream().noneMatch(h -> h.isAssignableFrom(type))) {
                continue;
            }
            for (Annotation annotation : type.getDeclaredAnnotations()) {
                if (annotation.annotationType().getName().equals(NAMED)) {
                    String value = namedValue(annotation);
                    // CDI's default name for a bare @Named is the class's simple name, decapitalised.
                    String simple = type.getSimpleName();
                    found.put(value.isEmpty() ? Character.toLowerCase(simple.charAt(0)) + simple.substring(1) : value,
                            type.getName());
                }
            }
        }
        return found;
    }

    private static String namedValue(Annotation named) {
        try {
            return (String) named.annotationType().getMethod("value").invoke(named);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read @Named.value of " + named, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            loader.close();
        } finally {
            zip.close();
        }
    }
}
