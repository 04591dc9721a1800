package dev.skysocket.gateway.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Names a store failure for the log. Nothing here retries: DynamoDB calls are retried by the SDK client alone
 * ({@code dev.skysocket.runtime.AwsClients}), so a failure that reaches a session's callback is one the client
 * already gave up on, and the session ends rather than multiply the calls.
 */
final class StoreFaults {
    private StoreFaults() {
    }

    /** Throttling (DynamoDB answers 400 with a throttling code), any 5xx, and I/O failures on the way there. */
    static boolean isTransient(Throwable e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        if (e instanceof SdkClientException client) {
            return client.retryable() || client.getCause() instanceof IOException
                    || client.getCause() instanceof UncheckedIOException;
        }
        return false;
    }
}
