package dev.skysocket.api.auth;

import java.util.Set;

/**
 * Decides, once per {@code $connect}, whether a client may connect and as whom. Implementations are thread-safe
 * and never throw: every refusal is an {@link Authorization.Denied} with a short reason. A custom one is found
 * through {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.skysocket.api.auth.ConnectAuthorizer}
 * entry naming a class with a public no-argument constructor); see {@link ConnectAuthorizers}.
 */
public interface ConnectAuthorizer {

    /** Allows {@code request} into a tenant, as a user or anonymously, or denies it with a reason. */
    Authorization authorize(ConnectRequest request);

    /**
     * The query parameters that carry a credential (a token). Once a connection is allowed they are dropped from
     * the handshake it keeps, so a secret neither rests in the store nor reaches {@code socket.handshake()}.
     */
    default Set<String> credentialParameters() {
        return Set.of();
    }
}
