package dev.skysocket.apigw;

import dev.skysocket.api.auth.Authorization;
import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.api.auth.ConnectRequest;
import dev.skysocket.auth.ReservedTenants;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link ConnectAuthorizer} as an API Gateway WebSocket Lambda REQUEST authorizer on {@code $connect}
 * (the only kind WebSocket APIs offer there). Event and answer are plain maps in the documented JSON shape:
 * the events library's authorizer types are REST-shaped and rely on one serializer's quirks, and the local
 * emulator hands the same maps in.
 * In: {@code methodArn}, {@code queryStringParameters}, {@code headers} (any case),
 * {@code requestContext.identity.sourceIp}. Out: {@code principalId}, a policy allowing or denying
 * {@code execute-api:Invoke} on the methodArn only, and a {@code context} of strings that
 * {@link IdentityResolver} reads back on {@code $connect}: {@code tenant}, {@code user} when there is one, and
 * the authorizer's claims.
 */
public final class ApiGatewayAuthorizer {
    private static final System.Logger LOG = System.getLogger(ApiGatewayAuthorizer.class.getName());
    static final String ANONYMOUS_PRINCIPAL = "anonymous";

    /** The authorizer context entry naming the query parameters that held the credential, comma-separated. */
    public static final String CREDENTIAL_PARAMS = "credentialParams";

    private final ConnectAuthorizer authorizer;

    public ApiGatewayAuthorizer(ConnectAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Answers one authorizer event; never throws, so API Gateway always gets a policy. */
    public Map<String, Object> handle(Map<String, Object> event) {
        Map<String, Object> in = event == null ? Map.of() : event;
        String methodArn = in.get("methodArn") instanceof String arn && !arn.isBlank() ? arn : null;
        Authorization decision;
        try {
            decision = ReservedTenants.screen(authorizer.authorize(request(in)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=connect_authorizer_failed error={0}", e.getClass().getName());
            decision = new Authorization.Denied("authorizer failed");
        }
        if (decision instanceof Authorization.Allowed && methodArn == null) {
            decision = new Authorization.Denied("no methodArn");  // nothing narrower than "*" to allow
        }
        if (decision instanceof Authorization.Denied denied) {
            LOG.log(Level.INFO, "event=connect_denied reason={0}", denied.reason());
        }
        return answer(decision, methodArn, authorizer.credentialParameters());
    }

    /** The {@link ConnectRequest} in an authorizer event; missing or mistyped parts read as absent. */
    public static ConnectRequest request(Map<String, Object> event) {
        String sourceIp = null;
        if (event.get("requestContext") instanceof Map<?, ?> context
                && context.get("identity") instanceof Map<?, ?> identity
                && identity.get("sourceIp") instanceof String ip) {
            sourceIp = ip;
        }
        return new ConnectRequest(strings(event.get("queryStringParameters")), strings(event.get("headers")),
                sourceIp);
    }

    /** The authorizer's JSON answer for {@code decision} on {@code methodArn} (null: deny everything). */
    public static Map<String, Object> answer(Authorization decision, String methodArn) {
        return answer(decision, methodArn, Set.of());
    }

    /**
     * The same, naming in an Allow's context the query parameters that carried the credential: the
     * {@code $connect} route drops them from the handshake it stores (ConnectRoute).
     */
    static Map<String, Object> answer(Authorization decision, String methodArn, Set<String> credentialParams) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> context = new LinkedHashMap<>();
        String effect;
        if (decision instanceof Authorization.Allowed allowed && methodArn != null) {
            effect = "Allow";
            context.putAll(allowed.claims());
            context.put("tenant", allowed.tenant());
            if (allowed.user() != null) {
                context.put("user", allowed.user());
            }
            if (!credentialParams.isEmpty()) {
                context.put(CREDENTIAL_PARAMS, String.join(",", credentialParams));
            }
            // principalId is required; IdentityResolver only reads it as the user when no tenant is given.
            out.put("principalId", allowed.user() != null ? allowed.user() : allowed.tenant());
        } else {
            effect = "Deny";
            out.put("principalId", ANONYMOUS_PRINCIPAL);
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Action", "execute-api:Invoke");
        statement.put("Effect", effect);
        statement.put("Resource", methodArn == null ? "*" : methodArn);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(statement));
        out.put("policyDocument", policy);
        out.put("context", context);
        return out;
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                if (out.size() == ConnectRequest.MAX_ENTRIES) {
                    break;
                }
                if (entry.getKey() instanceof String name && entry.getValue() instanceof String text) {
                    out.put(name, text);
                }
            }
        }
        return out;
    }
}
