package dev.skysocket.fanout;

import dev.skysocket.concurrent.Failures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.testing.ManagementApiStub;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;

/** The signed HTTP path on its own: answers become the SDK client's exception types, and a hung attempt ends. */
class SignedFramePosterTest {
    private final SdkAsyncHttpClient http = NettyNioAsyncHttpClient.create();
    private ManagementApiStub stub;

    @BeforeEach
    void startStub() {
        stub = ManagementApiStub.start();
    }

    @AfterEach
    void stop() {
        stub.open();
        stub.close();
        http.close();
    }

    private SignedFramePoster poster(Duration attemptTimeout) {
        return new SignedFramePoster(http, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                new PostSigner("us-east-1", SignedFramePoster.SERVICE), Clock.systemUTC(), attemptTimeout,
                stub.endpoint());
    }

    private static Throwable failureOf(CompletableFuture<?> call) {
        return call.handle((ok, error) -> Failures.unwrap(error)).join();
    }

    @Test
    void aGoneConnectionFailsWithTheSdksGoneException() {
        stub.markGone("old=");

        Throwable error = failureOf(poster(Duration.ofSeconds(10)).post("old=", Frame.of("3")));

        assertThat(error).isInstanceOf(GoneException.class);
        assertThat(CallFailure.of(error)).isEqualTo(CallFailure.GONE);
    }

    @Test
    void aThrottledPostIsRetryableAndAServerErrorToo() {
        stub.failNext("busy=", 429, 1);
        stub.failNext("busy=", 502, 1);
        SignedFramePoster poster = poster(Duration.ofSeconds(10));

        Throwable throttled = failureOf(poster.post("busy=", Frame.of("3")));
        Throwable serverError = failureOf(poster.post("busy=", Frame.of("3")));

        assertThat(throttled).isInstanceOf(LimitExceededException.class);
        assertThat(CallFailure.of(throttled)).isEqualTo(CallFailure.RETRYABLE);
        assertThat(CallFailure.of(serverError)).isEqualTo(CallFailure.RETRYABLE);
        assertThat(poster.post("busy=", Frame.of("3")).join()).isEqualTo(200);
    }

    @Test
    void anAttemptThatHangsFailsAtTheAttemptTimeoutAndIsNotRetried() {
        stub.hold();

        CompletableFuture<?> call = poster(Duration.ofMillis(300)).post("slow=", Frame.of("3"));

        await().atMost(Duration.ofSeconds(10)).until(call::isDone);
        Throwable error = failureOf(call);
        assertThat(error).isInstanceOf(ApiCallAttemptTimeoutException.class);
        // It may have reached the connection: a duplicate is worse than a loss (CallFailure.FINAL).
        assertThat(CallFailure.of(error)).isEqualTo(CallFailure.FINAL);
    }
}
