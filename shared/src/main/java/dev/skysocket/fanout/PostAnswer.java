package dev.skysocket.fanout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/**
 * Reads one {@code PostToConnection} answer: a 2xx completes {@link #result} with its status, anything else
 * completes it with the exception the SDK's client would have thrown for that answer (chosen by status, as the
 * Management API sends {@code x-amzn-ErrorType} only on some of them), so retry and prune decisions do not depend
 * on which client made the call. The body is read and dropped on success; on failure its first bytes become the
 * message.
 */
final class PostAnswer implements SdkAsyncHttpResponseHandler {
    /** An error body is a short JSON message; never keep more than this of it. */
    private static final int MAX_ERROR_BODY = 1024;
    private static final String SERVICE = "ApiGatewayManagementApi";

    final CompletableFuture<Integer> result = new CompletableFuture<>();
    private volatile SdkHttpResponse response;

    @Override
    public void onHeaders(SdkHttpResponse headers) {
        this.response = headers;
    }

    @Override
    public void onStream(Publisher<ByteBuffer> stream) {
        stream.subscribe(new Subscriber<>() {
            private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                SdkHttpResponse headers = response;
                if (headers != null && !headers.isSuccessful() && errorBody.size() < MAX_ERROR_BODY) {
                    int take = Math.min(buffer.remaining(), MAX_ERROR_BODY - errorBody.size());
                    byte[] chunk = new byte[take];
                    buffer.get(chunk);
                    errorBody.write(chunk, 0, take);
                }
            }

            @Override
            public void onError(Throwable error) {
                PostAnswer.this.onError(error);
            }

            @Override
            public void onComplete() {
                finish(errorBody.toString(StandardCharsets.UTF_8));
            }
        });
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error instanceof SdkClientException ? error
                : SdkClientException.create("PostToConnection failed on the wire: " + error, error));
    }

    /** Called when the exchange ended without a body stream; the status alone decides. */
    void finish(String errorBody) {
        SdkHttpResponse headers = response;
        if (headers == null) {
            result.completeExceptionally(SdkClientException.create("PostToConnection ended without an answer"));
        } else if (headers.isSuccessful()) {
            result.complete(headers.statusCode());
        } else {
            result.completeExceptionally(failure(headers, errorBody));
        }
    }

    static AwsServiceException failure(SdkHttpResponse headers, String body) {
        int status = headers.statusCode();
        String type = headers.firstMatchingHeader("x-amzn-ErrorType").map(t -> t.split(":", 2)[0]).orElse(null);
        String message = body == null || body.isBlank() ? "HTTP " + status : body.strip();
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(type).errorMessage(message)
                .serviceName(SERVICE).sdkHttpResponse(headers).build();
        AwsServiceException.Builder builder = switch (status) {
            case 410 -> GoneException.builder();
            case 429 -> LimitExceededException.builder();
            case 403 -> ForbiddenException.builder();
            case 413 -> PayloadTooLargeException.builder();
            default -> ApiGatewayManagementApiException.builder();
        };
        return builder.statusCode(status).message(message).awsErrorDetails(details)
                .requestId(headers.firstMatchingHeader("x-amzn-RequestId").orElse(null)).build();
    }
}
