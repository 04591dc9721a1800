package dev.skysocket.auth;

import dev.skysocket.api.auth.Authorization;

/**
 * Tenants the product keeps for itself. An identity that names one is denied at the handshake on both paths, so no
 * client can share a room with what the product stores there.
 */
public final class ReservedTenants {
    /** The fallback gateway's start-up priming stores its loopback sockets and its room under this tenant. */
    public static final String PRIMING = "skysocket-priming";
    /** The reason a denial gives: the client's {@code connect_error} on the fallback, the authorizer's log line. */
    public static final String REASON = "reserved tenant";

    private ReservedTenants() {
    }

    /** {@code decision}, or a denial when it allows a reserved tenant. */
    public static Authorization screen(Authorization decision) {
        if (decision instanceof Authorization.Allowed allowed && PRIMING.equals(allowed.tenant())) {
            return new Authorization.Denied(REASON);
        }
        return decision;
    }
}
