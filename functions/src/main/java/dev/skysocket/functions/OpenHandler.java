package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.apigw.OpenRequest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The deferred open step ({@code QUARKUS_LAMBDA_HANDLER=open}), invoked asynchronously by {@code $connect} with
 * {@code {"connectionId","endpoint"}}. Async invocations may be retried or duplicated; the step is idempotent.
 */
@Named("open")
@Singleton
public class OpenHandler implements RequestHandler<OpenRequest, Map<String, Object>> {
    private final ApiGatewayRuntime runtime;

    @Inject
    public OpenHandler(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Map<String, Object> handleRequest(OpenRequest request, Context context) {
        if (request == null || request.connectionId() == null || request.endpoint() == null) {
            throw new IllegalArgumentException("the open step needs {\"connectionId\",\"endpoint\"}, got " + request);
        }
        try {
            return Map.of("connectionId", request.connectionId(), "delivered", runtime.openStep().run(request));
        } catch (InterruptedException e) {
            // Only a runtime shutdown interrupts us; a retry of the async invocation will find it opened or not.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the open packet", e);
        }
    }
}
