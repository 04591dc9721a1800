package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Takes the identity from the authorizer context API Gateway attaches to {@code $connect} (a Lambda authorizer
 * returns {@code tenant} and {@code user}, or a {@code principalId}); without an authorizer every connection is
 * anonymous in the default tenant. A context that names a tenant but no user is anonymous in that tenant: its
 * {@code principalId} (which API Gateway requires) is not a user then. The context's other string entries are the
 * identity's claims, less those API Gateway or the authorizer add for themselves.
 */
public final class IdentityResolver {
    // Not claims: the identity's own names, the credential parameters' list, and what API Gateway adds.
    private static final Set<String> NOT_CLAIMS = Set.of("tenant", "user", "principalId",
            ApiGatewayAuthorizer.CREDENTIAL_PARAMS, "integrationLatency");
    private final String defaultTenant;

    public IdentityResolver(String defaultTenant) {
        this.defaultTenant = defaultTenant;
    }

    public Identity resolve(APIGatewayV2WebSocketEvent event) {
        Map<String, Object> authorizer = event.getRequestContext() == null ? null
                : event.getRequestContext().getAuthorizer();
        if (authorizer == null || authorizer.isEmpty()) {
            return new Identity(defaultTenant, null);
        }
        String tenant = text(authorizer.get("tenant"));
        String user = text(authorizer.get("user"));
        if (user == null && tenant == null) {
            user = text(authorizer.get("principalId"));
        }
        return new Identity(tenant == null ? defaultTenant : tenant, user, claims(authorizer));
    }

    private static Map<String, String> claims(Map<String, Object> authorizer) {
        Map<String, String> claims = new LinkedHashMap<>();
        authorizer.forEach((name, value) -> {
            if (name != null && !NOT_CLAIMS.contains(name) && value != null) {
                claims.put(name, value.toString());
            }
        });
        return claims;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
