package dev.skysocket.api.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link ConnectAuthorizer} decided: {@link Allowed} into a tenant, or {@link Denied} with a reason. */
public sealed interface Authorization permits Authorization.Allowed, Authorization.Denied {

    /**
     * The client may connect.
     *
     * @param tenant required; scopes every room and user lookup of the connection
     * @param user   the authenticated user, or null for an anonymous connection
     * @param claims extra values passed on with the identity (API Gateway's authorizer context); the names
     *               {@code tenant}, {@code user} and {@code principalId} are the identity's own and refused here
     */
    record Allowed(String tenant, String user, Map<String, String> claims) implements Authorization {
        public Allowed {
            if (tenant == null || tenant.isBlank()) {
                throw new IllegalArgumentException("an allowed connection needs a tenant");
            }
            if (user != null && user.isBlank()) {
                user = null;
            }
            Map<String, String> copy = new LinkedHashMap<>();
            if (claims != null) {
                claims.forEach((name, value) -> {
                    if (name != null && value != null) {
                        copy.put(name, value);
                    }
                });
            }
            if (copy.containsKey("tenant") || copy.containsKey("user") || copy.containsKey("principalId")) {
                throw new IllegalArgumentException("claims may not be named tenant, user or principalId");
            }
            claims = Collections.unmodifiableMap(copy);
        }

        /** Allowed with no claims to pass on. */
        public Allowed(String tenant, String user) {
            this(tenant, user, Map.of());
        }
    }

    /**
     * The client may not connect.
     *
     * @param reason short and fixed ({@code expired}, {@code bad signature}, ...): it is logged, so it never
     *               carries the token or any other client input
     */
    record Denied(String reason) implements Authorization {
        public Denied {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a denial needs a reason");
            }
        }
    }
}
