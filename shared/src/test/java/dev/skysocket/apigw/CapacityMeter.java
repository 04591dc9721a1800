package dev.skysocket.apigw;

import java.util.Map;
import java.util.TreeMap;
import dev.skysocket.store.dynamodb.DynamoSchema;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Asks DynamoDB for the capacity each call consumed (ReturnConsumedCapacity=TOTAL) and adds it up. With TOTAL the
 * service returns one CapacityUnits figure per call, so reads and writes are told apart by the operation's kind.
 * Single-threaded use: the report resets and reads it between steps.
 */
final class CapacityMeter implements ExecutionInterceptor {
    private double readUnits;
    private double writeUnits;
    /** Units on the heartbeat's sweep-runs item: one item per stack, not per connection, so kept apart. */
    private double stackReadUnits;
    private double stackWriteUnits;
    private final Map<String, Integer> calls = new TreeMap<>();

    synchronized void reset() {
        readUnits = 0;
        writeUnits = 0;
        stackReadUnits = 0;
        stackWriteUnits = 0;
        calls.clear();
    }

    synchronized double readUnits() {
        return readUnits;
    }

    synchronized double writeUnits() {
        return writeUnits;
    }

    synchronized double stackReadUnits() {
        return stackReadUnits;
    }

    synchronized double stackWriteUnits() {
        return stackWriteUnits;
    }

    /** Calls per DynamoDB operation name, e.g. {@code PutItem ×2, Query ×1}. */
    synchronized String calls() {
        StringBuilder text = new StringBuilder();
        calls.forEach((name, count) -> text.append(text.isEmpty() ? "" : ", ").append(name)
                .append(count > 1 ? " ×" + count : ""));
        return text.isEmpty() ? "none" : text.toString();
    }

    synchronized int callCount() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkResponse response = context.response();
        double read = 0;
        double write = 0;
        if (response instanceof GetItemResponse r) {
            read = units(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            read = units(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            read = units(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            write = units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            write = units(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            write = units(r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r) {
            write = r.consumedCapacity().stream().mapToDouble(CapacityMeter::units).sum();
        }
        boolean stackItem = onSweepRunsItem(context.request());
        synchronized (this) {
            if (stackItem) {
                stackReadUnits += read;
                stackWriteUnits += write;
                read = 0;
                write = 0;
            }
            readUnits += read;
            writeUnits += write;
            calls.merge(operation == null ? "?" : operation, 1, Integer::sum);
        }
    }

    private static boolean onSweepRunsItem(SdkRequest request) {
        Map<String, AttributeValue> key = request instanceof GetItemRequest get ? get.key()
                : request instanceof PutItemRequest put ? put.item() : null;
        AttributeValue pk = key == null ? null : key.get(DynamoSchema.PK);
        return pk != null && DynamoSchema.SWEEP_RUNS_PK.equals(pk.s());
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
}
