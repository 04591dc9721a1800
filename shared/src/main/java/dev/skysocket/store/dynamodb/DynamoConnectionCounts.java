package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.COUNT;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.PK;
import static dev.skysocket.store.dynamodb.DynamoSchema.SK;

import dev.skysocket.store.ConnectionCounts;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Open connections per tenant as sharded counters that forget: a connection adds 1 to the counter item of its shard
 * ({@code bucket(connectionId, shards)}) and of the time bucket its own TTL falls in, and its removal adds -1 to the
 * same item. A tenant's count is the sum of its shards' counters whose time bucket has not ended: one Query per
 * shard, each reading at most a few dozen small items (about 0.5 read units), never a Scan.
 *
 * <p>Why time buckets: a connection can never outlive its TTL, so whatever its counter item says about it is moot
 * once that bucket has ended. A crash that skips the decrement (a gateway task killed, a {@code $disconnect} AWS
 * never delivered and a removal that failed) over-counts for at most the connection's lifetime plus one bucket,
 * never forever; a decrement applied twice under-counts for as long. No sweep has to recount anything.
 *
 * <p>Why shards: each connect and close writes one item, and one partition takes about 1,000 writes per second;
 * {@code shards} partitions take that many times more of one tenant's churn. Every connect reads all of them.
 *
 * <p>Why a Query per shard and not one BatchGetItem: the live items are one per shard and time bucket (about 14
 * buckets span a connection's lifetime), and BatchGetItem bills each key at least half a read unit, about 28 units
 * for 4 shards; a Query bills what it reads in 4 KB steps, about half a unit per shard. The price is one round
 * trip per shard, made one after the other, and the sum stops early once it has passed the limit.
 */
public final class DynamoConnectionCounts implements ConnectionCounts {
    /** Seconds per time bucket. Fixed: a connection counted in one layout is released in the same one. */
    public static final long BUCKET_SECONDS = 600;

    private final DynamoDbClient client;
    private final String tableName;
    private final int shards;
    private final Clock clock;

    public DynamoConnectionCounts(DynamoDbClient client, String tableName, int shards, Clock clock) {
        if (shards < 1) {
            throw new IllegalArgumentException("quota counter shards must be at least 1");
        }
        this.client = client;
        this.tableName = tableName;
        this.shards = shards;
        this.clock = clock;
    }

    @Override
    public long add(String tenant, String connectionId, long expiresAtSeconds, int delta) {
        long bucket = expiresAtSeconds / BUCKET_SECONDS;
        var answer = client.updateItem(r -> r.tableName(tableName)
                .key(DynamoSchema.quotaKey(tenant, DynamoSchema.bucket(connectionId, shards), bucket))
                .updateExpression("ADD #n :d SET #ttl = if_not_exists(#ttl, :ttl)")
                .expressionAttributeNames(Map.of("#n", COUNT, "#ttl", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":d", Attributes.n(delta),
                        // Kept one bucket past its end, so a late decrement still finds it; reads ignore it by then.
                        ":ttl", Attributes.n((bucket + 2) * BUCKET_SECONDS)))
                .returnValues("UPDATED_NEW"));
        return Attributes.number(answer.attributes(), COUNT, 0);
    }

    @Override
    public long count(String tenant, long stopAt) {
        long current = clock.instant().getEpochSecond() / BUCKET_SECONDS;
        long total = 0;
        for (int i = 0; i < shards && total < stopAt; i++) {
            int shard = i;
            var pages = client.queryPaginator(r -> r.tableName(tableName)
                    .keyConditionExpression("#pk = :pk AND #sk >= :from")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(
                            ":pk", Attributes.s(DynamoSchema.quotaPk(tenant, shard)),
                            ":from", Attributes.s(DynamoSchema.quotaSk(current)))));
            for (Map<String, AttributeValue> item : pages.items()) {
                total += Attributes.number(item, COUNT, 0);
            }
        }
        return total;
    }
}
