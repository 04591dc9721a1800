package dev.skysocket.api;

import java.util.Optional;

/**
 * The application's view of the server ({@code io}): namespaces are declared here once per process, in
 * {@link SocketApp#configure}. Namespaces are static; a CONNECT to an undeclared one gets Socket.IO's
 * "Invalid namespace".
 */
public interface SocketServer {

    /**
     * The namespace, declared on first use. {@code of("/")} is the main namespace.
     *
     * @throws IllegalArgumentException when the name does not start with {@code /}
     */
    Namespace of(String name);

    /** A namespace already declared, or empty. */
    Optional<Namespace> namespace(String name);
}
