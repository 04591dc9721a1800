package dev.skysocket.fanout;

import static dev.skysocket.fanout.PooledFramePosterTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.fanout.ScriptedHttpServer.Answer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Answers no Management API sends, on our own connections: each fails only its own call with a typed error that
 * is not retried (it may have been delivered), and the pool goes on with a fresh connection.
 */
class PostHostileAnswersTest {
    private ScriptedHttpServer server;
    private PostTransport transport;
    private PooledFramePoster poster;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedHttpServer();
        transport = new PostTransport(1, 1, Duration.ofSeconds(5), null);
        poster = new PooledFramePoster(new PostTarget(server.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                new PostSigner("us-east-1", PostTarget.SERVICE), Clock.systemUTC()), transport, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        poster.close();
        transport.close();
        server.close();
    }

    static Stream<Arguments> brokenAnswers() {
        String big = "x".repeat(20_000);
        return Stream.of(
                Arguments.of("not HTTP at all", Answer.of("NOT HTTP AT ALL\r\n\r\n", false)),
                Arguments.of("a status line with no status", Answer.of("HTTP/1.1 \r\n\r\n", false)),
                Arguments.of("a body cut short by a close", Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab",
                        true)),
                Arguments.of("a close before any answer", Answer.of("", true)),
                Arguments.of("a header past the size limit", Answer.of("HTTP/1.1 200 OK\r\nX-Big: " + big
                        + "\r\nContent-Length: 0\r\n\r\n", false)),
                Arguments.of("a negative content length", Answer.of("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n",
                        false)),
                Arguments.of("two content lengths that disagree", Answer.of(
                        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nContent-Length: 3\r\n\r\nabc", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAnswers")
    void aBrokenAnswerFailsItsCallAsAClientErrorAndTheNextPostGetsThrough(String name, Answer answer) {
        server.then(answer);
        server.then(Answer.ok());

        Throwable error = failureOf(poster.post("abc=", Frame.of("3")));

        assertThat(error).isInstanceOf(SdkClientException.class);
        assertThat(CallFailure.of(error)).isEqualTo(CallFailure.FINAL);
        assertThat(poster.post("abc=", Frame.of("3")).join()).isEqualTo(200);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aHugeErrorBodyIsReadButOnlyItsStartKept() {
        server.then(Answer.of("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 1000000\r\n\r\n"
                + "{".repeat(1_000_000), false));
        server.then(Answer.ok());

        Throwable error = failureOf(poster.post("abc=", Frame.of("3")));

        assertThat(error).isInstanceOf(AwsServiceException.class);
        assertThat(((AwsServiceException) error).statusCode()).isEqualTo(500);
        assertThat(error.getMessage().length()).isLessThan(2_000);
        assertThat(CallFailure.of(error)).isEqualTo(CallFailure.RETRYABLE);
        // The whole body was consumed, so the same connection carries the next post.
        assertThat(poster.post("abc=", Frame.of("3")).join()).isEqualTo(200);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void anInterimAnswerIsSkippedForTheRealOne() {
        server.then(Answer.of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false));

        assertThat(poster.post("abc=", Frame.of("3")).join()).isEqualTo(200);
    }

    @Test
    void anAnswerThatAsksToCloseIsHonouredAndTheNextPostOpensAFreshConnection() {
        server.then(Answer.of("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", true));
        server.then(Answer.ok());

        assertThat(poster.post("a=", Frame.of("3")).join()).isEqualTo(200);
        assertThat(poster.post("b=", Frame.of("3")).join()).isEqualTo(200);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void bytesNobodyAskedForCloseTheConnectionWithoutFailingAnAnsweredCall() {
        server.then(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                false));
        server.then(Answer.ok());

        assertThat(poster.post("a=", Frame.of("3")).join()).isEqualTo(200);
        // The extra answer arrives in the same read, with no call waiting for it: that connection is dropped
        // before it can go back to the pool, and a new one carries the next post.
        assertThat(poster.post("b=", Frame.of("3")).join()).isEqualTo(200);
        assertThat(server.connections()).isEqualTo(2);
    }
}
