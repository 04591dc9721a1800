package dev.skysocket.server;

import dev.skysocket.api.Namespace;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import dev.skysocket.config.AppSettings;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SocketServer} an app declares its namespaces on, once per process; the router reads it on every
 * invocation afterwards.
 */
public final class DeclaredServer implements SocketServer {
    private final Map<String, DeclaredNamespace> namespaces = new ConcurrentHashMap<>();
    private final AppSettings settings;

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
    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    @Override
    public Optional<String> setting(String name) {
        return settings.get(name);
    }

    /** The declared namespace with the runtime's view of its handlers, or empty. */
    Optional<DeclaredNamespace> declared(String name) {
        return Optional.ofNullable(namespaces.get(name));
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
