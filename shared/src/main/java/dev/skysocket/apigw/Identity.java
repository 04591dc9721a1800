package dev.skysocket.apigw;

import java.util.Map;

/**
 * Who is connecting: the tenant scopes every room and user lookup; the user may be null; the claims are the rest
 * of the authorizer's context (never null).
 */
public record Identity(String tenant, String user, Map<String, String> claims) {
    public Identity {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a tenant is required");
        }
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /** An identity without claims. */
    public Identity(String tenant, String user) {
        this(tenant, user, Map.of());
    }
}
