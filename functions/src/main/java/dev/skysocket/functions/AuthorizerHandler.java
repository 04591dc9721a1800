package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.skysocket.apigw.ApiGatewayAuthorizer;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The {@code $connect} route's Lambda REQUEST authorizer ({@code QUARKUS_LAMBDA_HANDLER=authorizer}): the event
 * in, the IAM policy answer with the context {@code {tenant, user}} out, both as the maps
 * {@link ApiGatewayAuthorizer} documents. Which authorizer runs is {@code ConnectAuthorizers.load}'s choice (a
 * ServiceLoader one, else JWT from the {@code SKYSOCKET_JWT_*} settings); it is built once, at start.
 */
@Named("authorizer")
@Singleton
public class AuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ApiGatewayAuthorizer authorizer;

    @Inject
    public AuthorizerHandler(ApiGatewayAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocations.run(context, () -> handle(event, context));
    }

    private Map<String, Object> handle(Map<String, Object> event, Context context) {
        return authorizer.handle(event);
    }
}
