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
 * {@code {"connectionId","endpoint"}}. Async invocations may be retried or duplicated; the step's claim and
 * opened mark make a rerun send no second open packet. An exception fails the invocation, which template.yaml
 * sends to OpenFailedQueue instead of retrying it; a step that gave up on 410s (the client left) is no failure.
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
        return Invocations.run(context, () -> handle(request, context));
    }

    private Map<String, Object> handle(OpenRequest request, Context context) {
        if (request == null || request.connectionId() == null || request.endpoint() == null) {
            throw new IllegalArgumentException("the open step needs {\"connectionId\",\"endpoint\"}, got " + request);
        }
        try {
            return Map.of("connectionId", request.connectionId(), "delivered", runtime.openStep().run(request));
        } catch (InterruptedException e) {
            // Only a runtime shutdown interrupts us; a rerun finds it opened, claimed, or its claim lapsed.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the open packet", e);
        }
    }
}
