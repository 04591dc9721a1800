package dev.skysocket.server;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's view of the server ({@code io}): namespaces are declared here once per process.
 * Namespaces are static; a CONNECT to an undeclared one gets Socket.IO's "Invalid namespace".
 */
public final class SocketServer {
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();

    /** The namespace, declared on first use. {@code of("/")} is the main namespace. */
    public Namespace of(String name) {
        if (name == null || !name.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/': " + name);
        }
        return namespaces.computeIfAbsent(name, Namespace::new);
    }

    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    /** A server configured by the given app. */
    public static SocketServer configuredBy(SocketApp app) {
        SocketServer io = new SocketServer();
        app.configure(io);
        return io;
    }

    /**
     * A server configured by the one {@link SocketApp} on the class path. Fails at start, saying how to fix it,
     * when there is none or more than one.
     */
    public static SocketServer fromServiceLoader() {
        var apps = ServiceLoader.load(SocketApp.class).stream().map(ServiceLoader.Provider::get).toList();
        if (apps.size() != 1) {
            throw new IllegalStateException("expected exactly one SocketApp on the class path, found " + apps.size()
                    + ": list your implementation in META-INF/services/" + SocketApp.class.getName());
        }
        return configuredBy(apps.get(0));
    }
}
