package dev.skysocket.local.apigw;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One invocation of the {@code $connect} route's Lambda REQUEST authorizer, on a worker and within the
 * integration timeout, as AWS runs it before {@code $connect}.
 */
final class AuthorizerCall {

    private final AuthorizerSettings authorizer;
    private final ExecutorService workers;
    private final Duration timeout;
    private final EmulatorStats stats;

    AuthorizerCall(AuthorizerSettings authorizer, ExecutorService workers, Duration timeout, EmulatorStats stats) {
        this.authorizer = authorizer;
        this.workers = workers;
        this.timeout = timeout;
        this.stats = stats;
    }

    /** The identity sources (query parameters) that must be present and non-empty before the call. */
    List<String> identitySource() {
        return authorizer.identitySource();
    }

    /** Never completes exceptionally: a throw, an invalid answer or a timeout is a 500 refusal. */
    CompletableFuture<AuthorizerVerdict> authorize(String event, String methodArn) {
        stats.authorizerInvocation();
        long start = System.nanoTime();
        CompletableFuture<AuthorizerVerdict> call;
        try {
            call = CompletableFuture.supplyAsync(() -> {
                try {
                    String answer = authorizer.authorizer().authorize(event);
                    return AuthorizerVerdict.of(answer, methodArn, (System.nanoTime() - start) / 1_000_000);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, workers);
        } catch (RuntimeException rejected) {
            call = CompletableFuture.failedFuture(rejected);
        }
        return call.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(error -> new AuthorizerVerdict.Refused(AuthorizerVerdict.AUTHORIZER_FAILURE,
                        error instanceof TimeoutException || error.getCause() instanceof TimeoutException
                                ? "timed out" : "failed: " + error));
    }
}
