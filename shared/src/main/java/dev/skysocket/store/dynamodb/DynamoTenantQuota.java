package dev.skysocket.store.dynamodb;

import dev.skysocket.limits.EventQuota;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A tenant's events per second, counted in DynamoDB by every process and path: each event adds one to a shard
 * picked at random among the tenant's counter items for the current second ({@link DynamoSchema#quotaKey}), one
 * UpdateItem (1 write unit), and is refused when that shard's count passes its share of the quota. Shards keep
 * each counter at {@value #EVENTS_PER_SHARD} writes a second at most, half of what one DynamoDB partition takes,
 * so a busy tenant has no hot partition; with one shard (quotas up to {@value #EVENTS_PER_SHARD}) the count is
 * exact, with more the refusals start within a few percent of the quota, as the random picks spread unevenly.
 *
 * <p>Once a shard refuses, this process refuses the tenant's further events for the rest of that second without
 * writing, so a tenant far over its quota costs each process one write a second, not one per event.
 */
public final class DynamoTenantQuota implements EventQuota {
    static final int EVENTS_PER_SHARD = 500;
    private static final long TTL_SECONDS = 60;
    /** Tenants remembered as over their quota; cleared when larger (a stale entry is only a missed shortcut). */
    private static final int MAX_REMEMBERED = 10_000;
    private static final System.Logger LOG = System.getLogger(DynamoTenantQuota.class.getName());

    private final DynamoDbClient client;
    private final String tableName;
    private final int shards;
    private final long perShard;
    private final Map<String, Long> overInSecond = new ConcurrentHashMap<>();

    public DynamoTenantQuota(DynamoDbClient client, String tableName, int eventsPerSecond) {
        if (eventsPerSecond < 1) {
            throw new IllegalArgumentException("the quota must be positive");
        }
        this.client = client;
        this.tableName = tableName;
        this.shards = (eventsPerSecond + EVENTS_PER_SHARD - 1) / EVENTS_PER_SHARD;
        this.perShard = ((long) eventsPerSecond + shards - 1) / shards;
    }

    int shards() {
        return shards;
    }

    @Override
    public boolean admit(String tenant, long nowMs) {
        long second = nowMs / 1000;
        Long over = overInSecond.get(tenant);
        if (over != null && over == second) {
            return false;
        }
        int shard = shards == 1 ? 0 : ThreadLocalRandom.current().nextInt(shards);
        long count;
        try {
            var response = client.updateItem(r -> r.tableName(tableName)
                    .key(DynamoSchema.quotaKey(tenant, second, shard))
                    .updateExpression("SET #exp = :exp ADD #n :one")
                    .expressionAttributeNames(Map.of("#exp", DynamoSchema.EXPIRES_AT, "#n", DynamoSchema.COUNT))
                    .expressionAttributeValues(Map.of(":one", Attributes.n(1), ":exp", Attributes.n(second + TTL_SECONDS)))
                    .returnValues(ReturnValue.UPDATED_NEW));
            AttributeValue n = response.attributes().get(DynamoSchema.COUNT);
            count = n == null ? 0 : Long.parseLong(n.n());
        } catch (RuntimeException e) {
            // The quota protects the tenant's neighbours; a counter that cannot be written must not fail events.
            LOG.log(Level.WARNING, "event=quota_count_failed tenant={0} error={1}", tenant,
                    e.getClass().getSimpleName());
            return true;
        }
        if (count <= perShard) {
            return true;
        }
        if (overInSecond.size() >= MAX_REMEMBERED) {
            overInSecond.clear();
        }
        overInSecond.put(tenant, second);
        return false;
    }
}
