package dev.skysocket.api;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The application's view of the server ({@code io}): namespaces are declared here once per process, in
 * {@link SocketApp#configure}. A CONNECT to a name no namespace declares or matches gets Socket.IO's
 * "Invalid namespace".
 */
public interface SocketServer {

    /**
     * The namespace, declared on first use. {@code of("/")} is the main namespace.
     *
     * @throws IllegalArgumentException when the name does not start with {@code /}
     */
    Namespace of(String name);

    /**
     * A dynamic namespace (Socket.IO's {@code io.of(/^\/room-\d+$/)}): every name the pattern matches as a whole
     * is a namespace with this one's middleware and handlers; its sockets' {@link Socket#namespace()} is the
     * concrete name. A name declared with {@link #of(String)} wins over patterns; among patterns the first declared
     * that matches wins.
     */
    Namespace of(Pattern names);

    /**
     * A dynamic namespace chosen by a test of the name (Socket.IO's function form). Unlike Socket.IO's it cannot
     * see the client's auth payload and answers at once: it runs on every CONNECT, event and disconnect of such a
     * socket, in whichever process handles it, so it must be a pure function of the name.
     */
    Namespace of(Predicate<String> names);

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
