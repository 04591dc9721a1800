package dev.skysocket.server;

/**
 * What an application implements: it registers its namespaces, middleware and handlers once per process.
 * A serverless process cannot keep per-socket closures between invocations, so handlers are registered on the
 * namespace (like {@code io.of("/").on(...)} in spirit) and receive the socket they act for.
 * Found through {@link java.util.ServiceLoader}.
 */
public interface SocketApp {
    void configure(SocketServer io);
}
