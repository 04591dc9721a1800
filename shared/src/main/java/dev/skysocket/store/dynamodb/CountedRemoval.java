package dev.skysocket.store.dynamodb;

import dev.skysocket.store.ConnectionCounts;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The removal of a connection item that was added to its tenant's counter: deleted on its own, on the condition
 * that it is still there, and taken off the counter only by the delete that removed it, so two removals racing
 * (a {@code $disconnect} and the heartbeat) take one off, not two.
 */
final class CountedRemoval {
    private final DynamoDbClient client;
    private final String tableName;
    private final ConnectionCounts counts;

    /** @param counts null when nothing is counted: then no item is handled here */
    CountedRemoval(DynamoDbClient client, String tableName, ConnectionCounts counts) {
        this.client = client;
        this.tableName = tableName;
        this.counts = counts;
    }

    /** True for a counted connection item, which {@link #remove} must delete instead of a batch. */
    boolean handles(Map<String, AttributeValue> item) {
        return counts != null && DynamoSchema.CONNECTION_SK.equals(Attributes.string(item, DynamoSchema.SK))
                && Attributes.flag(item, DynamoSchema.QUOTA_COUNTED);
    }

    void remove(Map<String, AttributeValue> item) {
        try {
            client.deleteItem(r -> r.tableName(tableName)
                    .key(DynamoSchema.key(Attributes.string(item, DynamoSchema.PK), DynamoSchema.CONNECTION_SK))
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", DynamoSchema.PK)));
        } catch (ConditionalCheckFailedException alreadyGone) {
            return;  // another removal deleted it and took it off
        }
        counts.add(Attributes.string(item, DynamoSchema.TENANT), Attributes.string(item, DynamoSchema.CONNECTION_ID),
                Attributes.number(item, DynamoSchema.EXPIRES_AT, 0), -1);
    }
}
