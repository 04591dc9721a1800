package dev.skysocket.runtime;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Caps the calls one SDK client has in flight: a call takes a permit before its first attempt and gives it back
 * when it ends either way, retries included. The url-connection HTTP client has no connection limit of its own, so
 * without this every caller thread is one more request on the store. A call that finds no permit within the
 * acquire timeout fails with a non-retryable client error instead of waiting on.
 */
final class ConcurrencyLimit implements ExecutionInterceptor {
    private static final ExecutionAttribute<AtomicBoolean> HELD = new ExecutionAttribute<>("StoreCallPermit");

    private final Semaphore permits;
    private final int limit;
    private final long acquireNanos;

    ConcurrencyLimit(int limit, Duration acquireTimeout) {
        this.permits = new Semaphore(limit, true);
        this.limit = limit;
        this.acquireNanos = acquireTimeout.toNanos();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(acquireNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.builder().message("interrupted waiting for a store slot").cause(e).build();
        }
        if (!acquired) {
            throw SdkClientException.builder().message("all " + limit + " store call slots busy").build();
        }
        attributes.putAttribute(HELD, new AtomicBoolean(true));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    /** Calls in flight now. */
    int inFlight() {
        return limit - permits.availablePermits();
    }

    private void release(ExecutionAttributes attributes) {
        AtomicBoolean held = attributes.getAttribute(HELD);
        if (held != null && held.compareAndSet(true, false)) {
            permits.release();
        }
    }
}
