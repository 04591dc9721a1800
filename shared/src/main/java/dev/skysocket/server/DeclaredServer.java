package dev.skysocket.server;

import dev.skysocket.api.Namespace;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
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

    /** The declared namespace with the runtime's view of its handlers, or empty. */
    Optional<DeclaredNamespace> declared(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    /** A server configured by the given app. */
    public static DeclaredServer configuredBy(SocketApp app) {
        DeclaredServer io = new DeclaredServer();
        app.configure(io);
        return io;
    }

    /**
     * A server configured by the one {@link SocketApp} on the class path. Fails at start, saying how to fix it,
     * when there is none or more than one.
     */
    public static DeclaredServer fromServiceLoader() {
        var apps = ServiceLoader.load(SocketApp.class).stream().map(ServiceLoader.Provider::get).toList();
        if (apps.size() != 1) {
            throw new IllegalStateException("expected exactly one SocketApp on the class path, found " + apps.size()
                    + ": list your implementation in META-INF/services/" + SocketApp.class.getName());
        }
        return configuredBy(apps.get(0));
    }
}
