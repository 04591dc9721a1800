package dev.skysocket.benchmarks.remote;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
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
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Asks DynamoDB for the capacity of every Query, GetItem, PutItem, UpdateItem and DeleteItem (ReturnConsumedCapacity=TOTAL)
 * and adds it up, reads (Query, GetItem) apart from writes. The bulk loader's BatchWriteItem calls are not counted.
 */
final class UnitsMeter implements ExecutionInterceptor {
    private double readUnits;
    private double writeUnits;
    private final Map<String, Integer> calls = new TreeMap<>();

    synchronized void reset() {
        readUnits = 0;
        writeUnits = 0;
        calls.clear();
    }

    synchronized double readUnits() {
        return readUnits;
    }

    synchronized double writeUnits() {
        return writeUnits;
    }

    synchronized String calls() {
        StringBuilder text = new StringBuilder();
        calls.forEach((name, count) -> text.append(text.isEmpty() ? "" : ", ").append(name)
                .append(count > 1 ? " ×" + count : ""));
        return text.isEmpty() ? "none" : text.toString();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        SdkRequest request = context.request();
        if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (response instanceof BatchWriteItemResponse) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.merge(operation, 1, Integer::sum);
        if (response instanceof QueryResponse r) {
            readUnits += units(r.consumedCapacity());
        } else if (response instanceof GetItemResponse r) {
            readUnits += units(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            writeUnits += units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            writeUnits += units(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            writeUnits += units(r.consumedCapacity());
        }
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
}
