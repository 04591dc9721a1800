package dev.skysocket.apigw;

/**
 * Starts the deferred open step without waiting for it: on AWS an asynchronous Lambda invocation, locally a
 * worker thread. {@code $connect} must return before anything can be posted to the connection.
 */
@FunctionalInterface
public interface AsyncInvoker {
    void invokeOpen(OpenRequest request);
}
