package dev.skysocket.auth;

import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.api.auth.ConnectRequest;
import dev.skysocket.api.auth.Authorization;
/**
 * Lets everyone in, anonymously, into one tenant: what a deployment without authentication gets. Namespaces can
 * still authenticate in middleware, from the Socket.IO CONNECT {@code auth} payload.
 */
public final class AnonymousAuthorizer implements ConnectAuthorizer {
    private final Authorization.Allowed everyone;

    /** Allows every connection into {@code tenant} with no user. */
    public AnonymousAuthorizer(String tenant) {
        this.everyone = new Authorization.Allowed(tenant, null);
    }

    @Override
    public Authorization authorize(ConnectRequest request) {
        return everyone;
    }
}
