package dev.skysocket.server;

import dev.skysocket.api.Namespace;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import dev.skysocket.config.AppSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@link SocketServer} an app declares its namespaces on, once per process; the router reads it on every
 * invocation afterwards.
 */
public final class DeclaredServer implements SocketServer {
    private final Map<String, DeclaredNamespace> namespaces = new ConcurrentHashMap<>();
    /** Dynamic namespaces in the order declared: the first whose test accepts a name serves it. */
    private final List<Dynamic> dynamic = new CopyOnWriteArrayList<>();
    private final AppSettings settings;

    private record Dynamic(Predicate<String> accepts, DeclaredNamespace namespace) {
    }

    private DeclaredServer(AppSettings settings) {
        this.settings = settings;
    }

    @Override
    public DeclaredNamespace of(String name) {
        if (name == null || !name.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/': " + name);
        }
        return namespaces.computeIfAbsent(name, DeclaredNamespace::new);
    }

    @Override
    public DeclaredNamespace of(Pattern names) {
        DeclaredNamespace namespace = new DeclaredNamespace(names.pattern());
        Predicate<String> whole = names.asMatchPredicate();
        dynamic.add(new Dynamic(whole, namespace));
        return namespace;
    }

    @Override
    public DeclaredNamespace of(Predicate<String> names) {
        DeclaredNamespace namespace = new DeclaredNamespace("<predicate " + dynamic.size() + ">");
        dynamic.add(new Dynamic(names, namespace));
        return namespace;
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    @Override
    public Optional<String> setting(String name) {
        return settings.get(name);
    }

    /**
     * The namespace serving a concrete name, with the runtime's view of its handlers: the one declared with that
     * name, else the first dynamic namespace that accepts it, else empty. A failing test of the app's counts as
     * not accepting.
     */
    Optional<DeclaredNamespace> declared(String name) {
        DeclaredNamespace exact = namespaces.get(name);
        if (exact != null || name == null) {
            return Optional.ofNullable(exact);
        }
        for (Dynamic candidate : dynamic) {
            if (accepts(candidate, name)) {
                return Optional.of(candidate.namespace());
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(Dynamic candidate, String name) {
        try {
            return candidate.accepts().test(name);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A server configured by the given app, whose settings come from {@code app.*} properties only. */
    public static DeclaredServer configuredBy(SocketApp app) {
        return configuredBy(app, AppSettings.system());
    }

    /** A server configured by the given app with these app settings. */
    public static DeclaredServer configuredBy(SocketApp app, AppSettings settings) {
        DeclaredServer io = new DeclaredServer(settings);
        app.configure(io);
        return io;
    }

    /**
     * A server configured by the one {@link SocketApp} on the class path. Fails at start, saying how to fix it,
     * when there is none or more than one.
     */
    public static DeclaredServer fromServiceLoader() {
        return fromServiceLoader(AppSettings.system());
    }

    /** The same, with these app settings. */
    public static DeclaredServer fromServiceLoader(AppSettings settings) {
        var apps = ServiceLoader.load(SocketApp.class).stream().map(ServiceLoader.Provider::get).toList();
        if (apps.size() != 1) {
            throw new IllegalStateException("expected exactly one SocketApp on the class path, found " + apps.size()
                    + ": list your implementation in META-INF/services/" + SocketApp.class.getName());
        }
        return configuredBy(apps.get(0), settings);
    }
}
