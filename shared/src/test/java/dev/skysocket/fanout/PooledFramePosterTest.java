package dev.skysocket.fanout;

import dev.skysocket.concurrent.Failures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.testing.ManagementApiStub;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;

/** Our own connection pool on its own: answers, limits, hung attempts and reuse, against the stub. */
class PooledFramePosterTest {
    private ManagementApiStub stub;
    private PostTransport transport;
    private PooledFramePoster poster;

    @BeforeEach
    void startStub() {
        stub = ManagementApiStub.start();
    }

    @AfterEach
    void stop() {
        stub.open();
        if (poster != null) {
            poster.close();
        }
        if (transport != null) {
            transport.close();
        }
        stub.close();
    }

    private PooledFramePoster poster(int maxConnections, Duration acquisitionTimeout, Duration attemptTimeout) {
        transport = new PostTransport(1, maxConnections, acquisitionTimeout, null);
        poster = new PooledFramePoster(new PostTarget(stub.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                new PostSigner("us-east-1", PostTarget.SERVICE), Clock.systemUTC()), transport, attemptTimeout);
        return poster;
    }

    private PooledFramePoster poster() {
        return poster(4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    static Throwable failureOf(CompletableFuture<?> call) {
        return call.handle((ok, error) -> Failures.unwrap(error)).join();
    }

    @Test
    void aPostArrivesSignedWithTheFrameAsItsBody() {
        assertThat(poster().post("abc=", Frame.of("42[\"hi\"]")).join()).isEqualTo(200);

        assertThat(stub.requestsFor("abc=")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.signed()).isTrue();
            assertThat(request.bodyText()).isEqualTo("42[\"hi\"]");
        });
    }

    @Test
    void answersBecomeTheSdkClientsExceptionTypes() {
        stub.markGone("old=");
        stub.failNext("busy=", 429, 1);
        stub.failNext("busy=", 502, 1);
        PooledFramePoster poster = poster();

        Throwable gone = failureOf(poster.post("old=", Frame.of("3")));
        Throwable throttled = failureOf(poster.post("busy=", Frame.of("3")));
        Throwable serverError = failureOf(poster.post("busy=", Frame.of("3")));

        assertThat(gone).isInstanceOf(GoneException.class);
        assertThat(CallFailure.of(gone)).isEqualTo(CallFailure.GONE);
        assertThat(throttled).isInstanceOf(LimitExceededException.class);
        assertThat(CallFailure.of(throttled)).isEqualTo(CallFailure.RETRYABLE);
        assertThat(CallFailure.of(serverError)).isEqualTo(CallFailure.RETRYABLE);
        assertThat(poster.post("busy=", Frame.of("3")).join()).isEqualTo(200);
    }

    @Test
    void manyPostsShareAFewKeptAliveConnectionsAndAllArrive() {
        PooledFramePoster poster = poster(2, Duration.ofSeconds(5), Duration.ofSeconds(10));

        List<CompletableFuture<Integer>> calls = IntStream.range(0, 500)
                .mapToObj(i -> poster.post("c" + (i % 50) + "=", Frame.of("4" + i))).toList();

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isEqualTo(200));
        assertThat(stub.requests()).hasSize(500);
        assertThat(stub.maxInFlight()).isLessThanOrEqualTo(2);
    }

    @Test
    void aCallWaitingLongerThanTheAcquisitionTimeoutFailsWithoutBeingSent() {
        stub.hold();
        PooledFramePoster poster = poster(2, Duration.ofMillis(300), Duration.ofSeconds(20));

        CompletableFuture<Integer> first = poster.post("a=", Frame.of("3"));
        CompletableFuture<Integer> second = poster.post("b=", Frame.of("3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> stub.parked() == 2);
        CompletableFuture<Integer> third = poster.post("c=", Frame.of("3"));

        await().atMost(Duration.ofSeconds(10)).until(third::isDone);
        assertThat(failureOf(third)).isInstanceOf(SdkClientException.class);
        assertThat(CallFailure.of(failureOf(third))).isEqualTo(CallFailure.FINAL);
        stub.open();
        assertThat(first.join()).isEqualTo(200);
        assertThat(second.join()).isEqualTo(200);
        assertThat(stub.requestsFor("c=")).isEmpty();
    }

    @Test
    void anAttemptThatHangsFailsAtTheAttemptTimeoutAndItsConnectionIsReplaced() {
        stub.hold();
        PooledFramePoster poster = poster(1, Duration.ofSeconds(5), Duration.ofMillis(300));

        CompletableFuture<Integer> call = poster.post("slow=", Frame.of("3"));

        await().atMost(Duration.ofSeconds(10)).until(call::isDone);
        Throwable error = failureOf(call);
        assertThat(error).isInstanceOf(ApiCallAttemptTimeoutException.class);
        assertThat(CallFailure.of(error)).isEqualTo(CallFailure.FINAL);
        stub.open();
        // The one connection the pool may hold was closed with the hung attempt; a new one carries the next post.
        assertThat(poster.post("next=", Frame.of("3")).join()).isEqualTo(200);
    }
}
