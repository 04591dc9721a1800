package dev.skysocket.gateway.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * One bounded retry loop for idempotent store calls (reads, and writes that set a value) made from a session's
 * listener callbacks, on top of whatever the SDK client already retried: a burst of throttling or a 5xx that
 * outlasted the client's own attempts gets a few more, spread out, before the session gives up. It sleeps on the
 * session's own worker, so it holds up only that session. Non-idempotent steps (routing a message through
 * handlers that emit) are never run twice.
 */
final class StoreRetry {
    static final int MAX_ATTEMPTS = 3;
    private static final long BASE_DELAY_MS = 50;

    private final int maxAttempts;
    private final long baseDelayMs;

    StoreRetry() {
        this(MAX_ATTEMPTS, BASE_DELAY_MS);
    }

    StoreRetry(int maxAttempts, long baseDelayMs) {
        if (maxAttempts < 1 || baseDelayMs < 0) {
            throw new IllegalArgumentException("at least one attempt and a non-negative delay");
        }
        this.maxAttempts = maxAttempts;
        this.baseDelayMs = baseDelayMs;
    }

    /** Runs {@code call}; a transient failure is tried again up to the bound, anything else is thrown at once. */
    <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
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

    /** Exponential with full jitter, so sessions throttled together do not retry together. */
    private void pause(int attempt, RuntimeException failure) {
        long ceiling = baseDelayMs << (attempt - 1);
        if (ceiling <= 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
