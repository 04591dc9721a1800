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

    /**
     * One of the app's own settings (an API key, a token, a feature flag), read once when the process starts:
     * from the deployment's app settings (the SSM Parameter Store path that template.yaml's
     * {@code AppSettingsPath} names, with SecureString values decrypted; parameter {@code <path>/admin-token} is
     * setting {@code admin-token}), else the system property {@code app.<name>}, else the environment variable
     * {@code APP_<NAME>} (upper case, dots and dashes as underscores). Secrets belong in the parameter store,
     * never in the template or a plain environment variable.
     */
    Optional<String> setting(String name);
}
