package dev.skysocket.api;

/**
 * What an application implements: it registers its namespaces, middleware and handlers once per process.
 * A serverless process cannot keep per-socket closures between invocations, so handlers are registered on the
 * namespace (like {@code io.of("/").on(...)} in spirit) and receive the socket they act for.
 * Found through {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.skysocket.api.SocketApp}; exactly one app is on a deployment's class path.
 */
public interface SocketApp {

    /** Declares the app's namespaces and handlers; called once per process, before any client is served. */
    void configure(SocketServer io);
}
