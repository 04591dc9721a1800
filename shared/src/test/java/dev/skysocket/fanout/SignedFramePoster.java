package dev.skysocket.fanout;

import dev.skysocket.concurrent.Failures;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * {@code PostToConnection} as one signed HTTP request handed straight to the SDK's async HTTP client, without the
 * SDK's per-call pipeline (interceptors, marshaller, generic signer, metrics). The request is the one the SDK's
 * client sends ({@link PostTarget}). The attempt timeout, and the exception types of every failure, match the SDK
 * client's.
 */
final class SignedFramePoster implements FramePoster {
    static final String SERVICE = PostTarget.SERVICE;

    private final SdkAsyncHttpClient http;
    private final PostTarget target;
    private final Duration attemptTimeout;

    /** @param endpoint a normalized base URL ({@link ManagementApiClients#normalize}): scheme, host, port, stage */
    SignedFramePoster(SdkAsyncHttpClient http, AwsCredentialsProvider credentials, PostSigner signer, Clock clock,
                      Duration attemptTimeout, String endpoint) {
        this.http = http;
        this.target = new PostTarget(endpoint, credentials, signer, clock);
        this.attemptTimeout = attemptTimeout;
    }

    @Override
    public CompletableFuture<?> post(String connectionId, Frame frame) {
        SdkHttpFullRequest request;
        try {
            request = signedRequest(connectionId, frame);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        PostAnswer answer = new PostAnswer();
        CompletableFuture<Void> exchange = http.execute(AsyncExecuteRequest.builder()
                .request(request)
                .requestContentPublisher(new SingleBufferBody(frame.bytes()))
                .responseHandler(answer)
                .build());
        exchange.whenComplete((ignored, error) -> {
            if (error != null) {
                answer.onError(Failures.unwrap(error));
            } else if (!answer.result.isDone()) {
                answer.finish(null);
            }
        });
        return answer.result.orTimeout(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> {
                    if (Failures.unwrap(error) instanceof TimeoutException) {
                        exchange.cancel(true);  // closes the connection the attempt holds
                        return CompletableFuture.failedFuture(ApiCallAttemptTimeoutException.create(
                                attemptTimeout.toMillis()));
                    }
                    return CompletableFuture.failedFuture(Failures.unwrap(error));
                });
    }

    /** The request exactly as it goes on the wire; package-private so a test can check it against the SDK. */
    SdkHttpFullRequest signedRequest(String connectionId, Frame frame) {
        PostTarget.SignedPost signed = target.sign(connectionId, frame);
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol(target.scheme)
                .host(target.host)
                .port(target.port)
                .encodedPath(signed.path())
                .putHeader("Host", signed.hostHeader())
                .putHeader("Content-Length", Integer.toString(frame.bytes().length))
                .putHeader("x-amz-content-sha256", frame.sha256())
                .putHeader("X-Amz-Date", signed.amzDate())
                .putHeader("Authorization", signed.authorization());
        if (signed.sessionToken() != null) {
            request.putHeader("X-Amz-Security-Token", signed.sessionToken());
        }
        return request.build();
    }
}
