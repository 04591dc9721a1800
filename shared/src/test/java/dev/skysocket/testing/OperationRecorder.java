package dev.skysocket.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Records the name of every operation a client sends ("Query", "GetItem", ...), and how many items its Queries
 * read before any filter (ScannedCount), so tests can assert on them.
 */
public final class OperationRecorder implements ExecutionInterceptor {
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final AtomicInteger scanned = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse query && query.scannedCount() != null) {
            scanned.addAndGet(query.scannedCount());
        }
    }

    /** Items DynamoDB read for Queries so far, kept or filtered out. */
    public int scanned() {
        return scanned.get();
    }

    /** Every operation so far, oldest first. */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    public void clear() {
        operations.clear();
        scanned.set(0);
    }
}
