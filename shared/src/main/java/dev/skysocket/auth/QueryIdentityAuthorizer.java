package dev.skysocket.auth;

import dev.skysocket.api.auth.Authorization;
import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.api.auth.ConnectRequest;

/**
 * Local development only: takes the identity from the handshake's {@code user} and {@code tenant} query
 * parameters, unchecked, so two browser tabs can be two users of two tenants without issuing tokens. Without
 * {@code tenant} a connection is in the default tenant; without {@code user} it is anonymous. It is chosen only
 * when {@link #SETTING} is on and no JWT or custom authorizer is configured; the local stack turns it on and the
 * deployment template never does, because anyone could claim any identity with it.
 */
public final class QueryIdentityAuthorizer implements ConnectAuthorizer {
    /** The setting that turns it on. */
    public static final String SETTING = "skysocket.local-query-identity";
    public static final String USER_PARAM = "user";
    public static final String TENANT_PARAM = "tenant";
    /** Longer names are refused: they end up in DynamoDB keys, whose parts are bounded (1 KB per key part). */
    static final int MAX_NAME_CHARS = 256;

    private final String defaultTenant;

    public QueryIdentityAuthorizer(String defaultTenant) {
        this.defaultTenant = defaultTenant;
    }

    @Override
    public Authorization authorize(ConnectRequest request) {
        String tenant = request.queryParameter(TENANT_PARAM).filter(t -> !t.isBlank()).orElse(defaultTenant);
        String user = request.queryParameter(USER_PARAM).filter(u -> !u.isBlank()).orElse(null);
        if (tenant.length() > MAX_NAME_CHARS || user != null && user.length() > MAX_NAME_CHARS) {
            return new Authorization.Denied("identity too long");
        }
        return new Authorization.Allowed(tenant, user);
    }
}
