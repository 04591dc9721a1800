package dev.skysocket.apigw;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.server.JsonValues;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Starts the open step as an asynchronous ("Event") invocation of the open function, as AWS advises for
 * posting to a connection that {@code $connect} has not yet finished.
 */
public final class LambdaAsyncInvoker implements AsyncInvoker {
    private final LambdaClient lambda;
    private final String functionName;

    public LambdaAsyncInvoker(LambdaClient lambda, String functionName) {
        if (functionName == null || functionName.isBlank()) {
            throw new IllegalArgumentException("the open function's name is not set: set SKYSOCKET_OPEN_FUNCTION");
        }
        this.lambda = lambda;
        this.functionName = functionName;
    }

    @Override
    public void invokeOpen(OpenRequest request) {
        ObjectNode payload = JsonValues.object()
                .put("connectionId", request.connectionId())
                .put("endpoint", request.endpoint());
        lambda.invoke(b -> b.functionName(functionName)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(JsonValues.write(payload))));
    }
}
