package dev.skysocket.gateway.node;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * DynamoDB faults that DynamoDB Local cannot produce: throttling and 500s, for one connection's calls only, the
 * next {@code n} times (or every time). Thrown before the SDK's retry loop: each fault is a call as a session sees
 * it once the client has given up (the client's retries are tested in {@code AwsClientsRetryTest}).
 */
final class FaultyStore implements ExecutionInterceptor {
    enum Fault { THROTTLE, SERVER_ERROR }

    private volatile String sid;
    private volatile Predicate<SdkRequest> operation;
    private volatile Fault fault;
    private final AtomicInteger remaining = new AtomicInteger();
    final AtomicInteger injected = new AtomicInteger();

    /** Fails the next {@code times} reads (GetItem or Query) of {@code sid}'s items ({@code -1}: all of them). */
    FaultyStore failReads(String sid, Fault fault, int times) {
        return fail(sid, r -> r instanceof GetItemRequest || r instanceof QueryRequest, fault, times);
    }

    /** Fails the next {@code times} PutItem calls on {@code sid}'s items ({@code -1}: all of them). */
    FaultyStore failWrites(String sid, Fault fault, int times) {
        return fail(sid, PutItemRequest.class::isInstance, fault, times);
    }

    private FaultyStore fail(String sid, Predicate<SdkRequest> operation, Fault fault, int times) {
        this.fault = fault;
        this.operation = operation;
        this.remaining.set(times);
        this.sid = sid;
        return this;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String target = sid;
        SdkRequest request = context.request();
        if (target == null || !operation.test(request) || !touches(request, target)) {
            return;
        }
        if (remaining.get() == 0 || (remaining.get() > 0 && remaining.decrementAndGet() < 0)) {
            return;
        }
        injected.incrementAndGet();
        throw switch (fault) {
            case THROTTLE -> ProvisionedThroughputExceededException.builder().statusCode(400)
                    .message("The level of configured provisioned throughput for the table was exceeded.")
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb")
                            .errorCode("ProvisionedThroughputExceededException").build()).build();
            case SERVER_ERROR -> InternalServerErrorException.builder().statusCode(500)
                    .message("Internal server error")
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb")
                            .errorCode("InternalServerError").build()).build();
        };
    }

    private static boolean touches(SdkRequest request, String sid) {
        if (request instanceof GetItemRequest get) {
            return get.key().toString().contains(sid);
        }
        if (request instanceof QueryRequest query) {
            return query.expressionAttributeValues().toString().contains(sid);
        }
        return request instanceof PutItemRequest put && put.item().toString().contains(sid);
    }
}
