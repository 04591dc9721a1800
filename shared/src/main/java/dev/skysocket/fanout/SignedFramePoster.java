package dev.skysocket.fanout;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * {@code PostToConnection} as one signed HTTP request handed straight to the SDK's async HTTP client, without the
 * SDK's per-call pipeline (interceptors, marshaller, generic signer, metrics). The request is the one the SDK's
 * client sends: {@code POST {stage}/@connections/{url-encoded id}} with the frame as the body, SigV4-signed for
 * service {@code execute-api}. The attempt timeout, and the exception types of every failure, match the SDK
 * client's.
 */
final class SignedFramePoster implements FramePoster {
    static final String SERVICE = "execute-api";

    private final SdkAsyncHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final PostSigner signer;
    private final Clock clock;
    private final Duration attemptTimeout;
    private final String scheme;
    private final String host;
    private final int port;
    private final String hostHeader;
    private final String pathPrefix;

    /** @param endpoint a normalized base URL ({@link ManagementApiClients#normalize}): scheme, host, port, stage */
    SignedFramePoster(SdkAsyncHttpClient http, AwsCredentialsProvider credentials, PostSigner signer, Clock clock,
                      Duration attemptTimeout, String endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.signer = signer;
        this.clock = clock;
        this.attemptTimeout = attemptTimeout;
        URI uri = URI.create(endpoint);
        this.scheme = uri.getScheme();
        this.host = uri.getHost();
        int defaultPort = "https".equals(scheme) ? 443 : 80;
        this.port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        // The SDK sends (and signs) the port only when it is not the scheme's default.
        this.hostHeader = port == defaultPort ? host : host + ":" + port;
        this.pathPrefix = uri.getRawPath() == null ? "" : uri.getRawPath();
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
                answer.onError(CallFailure.unwrap(error));
            } else if (!answer.result.isDone()) {
                answer.finish(null);
            }
        });
        return answer.result.orTimeout(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> {
                    if (CallFailure.unwrap(error) instanceof TimeoutException) {
                        exchange.cancel(true);  // closes the connection the attempt holds
                        return CompletableFuture.failedFuture(ApiCallAttemptTimeoutException.create(
                                attemptTimeout.toMillis()));
                    }
                    return CompletableFuture.failedFuture(CallFailure.unwrap(error));
                });
    }

    /** The request exactly as it goes on the wire; package-private so a test can check it against the SDK. */
    SdkHttpFullRequest signedRequest(String connectionId, Frame frame) {
        // The label is URI-encoded once on the wire; SigV4's canonical path encodes the path as sent once more.
        String path = pathPrefix + "/@connections/" + SdkHttpUtils.urlEncode(connectionId);
        AwsCredentials resolved = credentials.resolveCredentials();
        String token = resolved instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        PostSigner.Signed signed = signer.sign(clock.instant(), resolved.accessKeyId(), resolved.secretAccessKey(),
                token, SdkHttpUtils.urlEncodeIgnoreSlashes(path), hostHeader, frame.bytes().length, frame.sha256());
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol(scheme)
                .host(host)
                .port(port)
                .encodedPath(path)
                .putHeader("Host", hostHeader)
                .putHeader("Content-Length", Integer.toString(frame.bytes().length))
                .putHeader("x-amz-content-sha256", frame.sha256())
                .putHeader("X-Amz-Date", signed.amzDate())
                .putHeader("Authorization", signed.authorization());
        if (token != null) {
            request.putHeader("X-Amz-Security-Token", token);
        }
        return request.build();
    }
}
