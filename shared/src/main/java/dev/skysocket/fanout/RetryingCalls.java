package dev.skysocket.fanout;

import dev.skysocket.concurrent.Failures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Repeats one async Management API call on 429 and 5xx, as {@link RetryPolicy} says, without blocking a thread. */
final class RetryingCalls {
    private final RetryPolicy policy;
    private final RandomGenerator random;
    private final RetryDelay delay;

    RetryingCalls(RetryPolicy policy, RandomGenerator random, RetryDelay delay) {
        this.policy = policy;
        this.random = random;
        this.delay = delay;
    }

    /**
     * Completes with the first success, or exceptionally with the unwrapped last error once it is not retryable or
     * the attempts are used up. {@code onRetry} runs once per retry.
     */
    <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> attempt, Runnable onRetry) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(attempt, 1, onRetry, result);
        return result;
    }

    private <T> void attempt(Supplier<CompletableFuture<T>> call, int number, Runnable onRetry,
                             CompletableFuture<T> result) {
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = Failures.unwrap(error);
            if (number >= policy.maxAttempts() || CallFailure.of(cause) != CallFailure.RETRYABLE) {
                result.completeExceptionally(cause);
                return;
            }
            onRetry.run();
            Duration wait = policy.backoff(number, random);
            try {
                delay.after(wait).execute(() -> attempt(call, number + 1, onRetry, result));
            } catch (RuntimeException e) {
                result.completeExceptionally(cause);
            }
        });
    }
}
