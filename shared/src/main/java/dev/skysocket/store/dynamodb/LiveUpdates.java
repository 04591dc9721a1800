package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.n;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.PK;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * UpdateItem on an item that must exist and not have expired: an update must never create a bare item without
 * TTL, nor revive one that reads already treat as absent.
 */
final class LiveUpdates {
    /** The condition's text; its names {@code #pk}, {@code #exp} and value {@code :now} come from {@link #update}. */
    static final String LIVE = "attribute_exists(#pk) AND #exp >= :now";

    private final DynamoDbClient client;
    private final String tableName;
    private final LongSupplier nowSeconds;

    LiveUpdates(DynamoDbClient client, String tableName, LongSupplier nowSeconds) {
        this.client = client;
        this.tableName = tableName;
        this.nowSeconds = nowSeconds;
    }

    /**
     * Applies {@code update} if the item is live and {@code extraCondition} (null: none) holds. Returns false when
     * a condition failed.
     */
    boolean update(Map<String, AttributeValue> key, String update, String extraCondition,
                   Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pk", PK);
        allNames.put("#exp", EXPIRES_AT);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":now", n(nowSeconds.getAsLong()));
        String condition = LIVE + (extraCondition == null ? "" : " AND " + extraCondition);
        try {
            client.updateItem(UpdateItemRequest.builder().tableName(tableName).key(key)
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues.isEmpty() ? null : allValues).build());
            return true;
        } catch (ConditionalCheckFailedException goneOrAlreadyDone) {
            return false;
        }
    }
}
