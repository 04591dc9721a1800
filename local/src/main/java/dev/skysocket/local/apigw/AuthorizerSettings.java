package dev.skysocket.local.apigw;

import java.util.List;
import java.util.Objects;

/**
 * The Lambda authorizer on the {@code $connect} route, as {@code AWS::ApiGatewayV2::Authorizer} configures it.
 *
 * @param authorizer      the authorizer function
 * @param identitySource  the query parameters that must be present and non-empty
 *                        ({@code route.request.querystring.<name>}); when one is missing, the upgrade is refused with
 *                        401 and the authorizer is not called, as on AWS. Empty: the authorizer sees every upgrade
 */
public record AuthorizerSettings(RequestAuthorizer authorizer, List<String> identitySource) {

    public AuthorizerSettings {
        Objects.requireNonNull(authorizer, "authorizer");
        identitySource = List.copyOf(identitySource);
    }
}
