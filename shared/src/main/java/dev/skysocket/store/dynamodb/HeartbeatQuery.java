package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.BY_PING;
import static dev.skysocket.store.dynamodb.DynamoSchema.PING_DUE_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.PING_SHARD;
import static dev.skysocket.store.dynamodb.DynamoSchema.PING_SHARDS;

import dev.skysocket.store.HeartbeatDue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The heartbeat sweep's read: one Query per {@code byPing} shard for entries due at or before now, oldest
 * first, never a Scan. Only connection items carry the index key, so socket and membership items never show.
 */
final class HeartbeatQuery {
    private final DynamoDbClient client;
    private final String tableName;

    HeartbeatQuery(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    List<HeartbeatDue> due(long nowMillis, int limit, long nowSeconds) {
        if (limit <= 0) {
            return List.of();
        }
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int shard = 0; shard < PING_SHARDS; shard++) {
            String shardKey = DynamoSchema.pingShard(shard);
            // Each shard is sorted by due time, so its first `limit` live entries are all it can contribute.
            var pages = client.queryPaginator(r -> r.tableName(tableName).indexName(BY_PING)
                    .keyConditionExpression("#shard = :shard AND #due <= :now")
                    .expressionAttributeNames(Map.of("#shard", PING_SHARD, "#due", PING_DUE_AT))
                    .expressionAttributeValues(Map.of(":shard", Attributes.s(shardKey),
                            ":now", Attributes.n(nowMillis)))
                    .limit(limit));
            int taken = 0;
            for (Map<String, AttributeValue> item : pages.items()) {
                if (DynamoSchema.isLive(item, nowSeconds)) {
                    found.add(item);
                    if (++taken >= limit) {
                        break;
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(item -> Attributes.number(item, PING_DUE_AT, 0)));
        return found.stream().limit(limit).map(ItemMapper::heartbeatDue).toList();
    }
}
