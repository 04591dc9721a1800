package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.ANSWER;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;

import dev.skysocket.store.AckKey;
import dev.skysocket.store.AckStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Ack answers as items in the answering connection's partition ({@link DynamoSchema#ackKey}), so removing the
 * connection removes them too. A put is one conditional PutItem (1 write unit under 1 KB); a poll is one
 * BatchGetItem with strongly consistent reads (1 read unit per key under 4 KB: a consistent read is the one that
 * sees a put that has just returned); keys DynamoDB leaves unprocessed are simply read at the next poll.
 */
public final class DynamoAckStore implements AckStore {
    /** BatchGetItem's limit per request. */
    static final int MAX_BATCH_GET = 100;

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;
    private final BatchWriter writer;

    /** @param clock "now" for the TTL filter on reads */
    public DynamoAckStore(DynamoDbClient client, String tableName, Clock clock) {
        this.client = client;
        this.tableName = tableName;
        this.clock = clock;
        this.writer = new BatchWriter(client, tableName);
    }

    @Override
    public boolean putAnswer(AckKey key, String answerJson, long expiresAtSeconds) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(key));
        item.put(ANSWER, Attributes.s(answerJson));
        item.put(EXPIRES_AT, Attributes.n(expiresAtSeconds));
        try {
            client.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", DynamoSchema.PK)));
            return true;
        } catch (ConditionalCheckFailedException answered) {
            return false;
        }
    }

    @Override
    public Map<AckKey, String> answers(Collection<AckKey> keys) {
        Map<Map<String, AttributeValue>, AckKey> byItemKey = new LinkedHashMap<>();
        for (AckKey key : keys) {
            byItemKey.put(keyOf(key), key);
        }
        List<Map<String, AttributeValue>> all = new ArrayList<>(byItemKey.keySet());
        Map<AckKey, String> found = new HashMap<>();
        long now = clock.millis() / 1000;
        for (int from = 0; from < all.size(); from += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> chunk = all.subList(from, Math.min(all.size(), from + MAX_BATCH_GET));
            KeysAndAttributes request = KeysAndAttributes.builder().keys(chunk).consistentRead(true).build();
            var response = client.batchGetItem(r -> r.requestItems(Map.of(tableName, request)));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                if (DynamoSchema.isLive(item, now) && item.containsKey(ANSWER)) {
                    AckKey key = byItemKey.get(DynamoSchema.key(Attributes.string(item, DynamoSchema.PK),
                            Attributes.string(item, DynamoSchema.SK)));
                    if (key != null) {
                        found.put(key, Attributes.string(item, ANSWER));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void delete(Collection<AckKey> keys) {
        writer.deleteAll(keys.stream().map(DynamoAckStore::keyOf).toList());
    }

    private static Map<String, AttributeValue> keyOf(AckKey key) {
        return DynamoSchema.ackKey(key.connectionId(), key.namespace(), key.id());
    }
}
