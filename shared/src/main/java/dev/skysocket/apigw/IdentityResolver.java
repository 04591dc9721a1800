package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Map;

/**
 * Takes the identity from the authorizer context API Gateway attaches to {@code $connect} (a Lambda authorizer
 * returns {@code tenant} and {@code user}, or a {@code principalId}); without an authorizer every connection is
 * anonymous in the default tenant. A context that names a tenant but no user is anonymous in that tenant: its
 * {@code principalId} (which API Gateway requires) is not a user then.
 */
public final class IdentityResolver {
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
        return new Identity(tenant == null ? defaultTenant : tenant, user);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
