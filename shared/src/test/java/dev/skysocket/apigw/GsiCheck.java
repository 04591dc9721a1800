package dev.skysocket.apigw;

import dev.skysocket.store.dynamodb.DynamoSchema;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Does DynamoDB Local report the write units of global secondary index updates? Asks with
 * ReturnConsumedCapacity=INDEXES, which on AWS breaks a write down into the table's units and each index's, for a
 * put of a connection item (it enters the byPing and byUser indexes) and an update that moves its byPing key.
 */
final class GsiCheck {
    private GsiCheck() {
    }

    static String run(String table, Map<String, AttributeValue> connectionTemplate) {
        try (DynamoDbClient plain = DynamoDbLocalServer.client()) {
            Map<String, AttributeValue> item = new HashMap<>(connectionTemplate);
            String id = "gsi-check-0000=";
            item.putAll(DynamoSchema.connectionKey(id));
            item.put(DynamoSchema.CONNECTION_ID, AttributeValue.fromS(id));
            item.put(DynamoSchema.USER_KEY, AttributeValue.fromS(DynamoSchema.userKey("default", "u1")));
            ConsumedCapacity put = plain.putItem(r -> r.tableName(table).item(item)
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
            ConsumedCapacity update = plain.updateItem(r -> r.tableName(table).key(DynamoSchema.connectionKey(id))
                    .updateExpression("SET #due = :due")
                    .expressionAttributeNames(Map.of("#due", DynamoSchema.PING_DUE_AT))
                    .expressionAttributeValues(Map.of(":due", AttributeValue.fromN("1")))
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
            plain.deleteItem(r -> r.tableName(table).key(DynamoSchema.connectionKey(id)));
            boolean reportsIndexes = put != null && put.hasGlobalSecondaryIndexes()
                    && !put.globalSecondaryIndexes().isEmpty();
            return "### Does DynamoDB Local report index write units?\n\n"
                    + "ReturnConsumedCapacity=INDEXES on a PutItem of a connection item that enters both indexes: "
                    + describe(put) + "; on an UpdateItem that moves its `byPing` key: " + describe(update) + ". "
                    + (reportsIndexes
                        ? "DynamoDB Local does break out index units."
                        : "**No**: DynamoDB Local reports the table's units only, so every write row above leaves "
                          + "out index writes that AWS charges (an index write per index the item enters or "
                          + "leaves, two when an index key changes).") + "\n";
        }
    }

    private static String describe(ConsumedCapacity c) {
        if (c == null) {
            return "no ConsumedCapacity";
        }
        return "CapacityUnits=" + c.capacityUnits() + ", Table=" + (c.table() == null ? "absent"
                : c.table().capacityUnits()) + ", GlobalSecondaryIndexes="
                + (c.hasGlobalSecondaryIndexes() ? c.globalSecondaryIndexes().toString() : "absent");
    }
}
