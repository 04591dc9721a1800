package dev.skysocket.store.dynamodb;

import dev.skysocket.limits.Draw;
import dev.skysocket.limits.EventQuota;
import dev.skysocket.limits.SampleSchedule;
import dev.skysocket.limits.SampledCounting;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A tenant's events per second, counted in DynamoDB by every process and path, from a sample ({@link SampledCounting},
 * {@link SampleSchedule}): one event in {@code weight} (the quota over {@value #WRITES_PER_SHARD}, at most 20; 1 below
 * 1,000 a second) adds {@code weight} to a shard picked at random among the tenant's counter items for the current
 * second ({@link DynamoSchema#quotaKey}), one UpdateItem (1 write unit), and is refused when that shard's count passes
 * its share of the quota. At the quota a shard takes {@value #WRITES_PER_SHARD} writes a second at most, half of what
 * one DynamoDB partition takes, so a busy tenant has no hot partition. The count is exact with weight 1 and one shard;
 * otherwise a shard's sampled total strays from its true one by about sqrt(weight × true count) (one standard
 * deviation; 447 events, 4.5 % of the quota, at the default), so refusals start a few percent below or above the quota,
 * as the random shard picks alone made them before.
 *
 * <p>Once a shard refuses, this process refuses the tenant's further events for the rest of that second without
 * writing, so a tenant far over its quota costs each process one write a second; before that, each process admits about
 * {@code weight - 1} events past the quota (those it did not write) until its own next write is refused.
 *
 * <p>Given an executor (the gateway), a sampled write runs there and its event is admitted at once: the one event in
 * {@code weight} no longer waits a store round trip (every 20th event of a tenant did, and set the gateway's latency
 * tail). The write's answer refuses the events after it, so a process also admits the events that arrive during
 * one write. At weight 1, where the count is exact, and without an executor (a Lambda invocation, which must not end
 * with a write open), the event waits for its write. An executor that refuses (a backlog of counts) makes the event
 * write its own, so a slow store slows the tenant's events rather than growing a queue.
 */
public final class DynamoTenantQuota implements EventQuota {
    static final int WRITES_PER_SHARD = 500;
    private static final long TTL_SECONDS = 60;
    /** Tenants remembered as over their quota; cleared when larger (a stale entry is only a missed shortcut). */
    private static final int MAX_REMEMBERED = 10_000;
    private static final System.Logger LOG = System.getLogger(DynamoTenantQuota.class.getName());

    private final DynamoDbClient client;
    private final String tableName;
    private final Draw draw;
    private final SampleSchedule schedule;
    private final int weight;
    private final int shards;
    private final long perShard;
    private final Map<String, Long> overInSecond = new ConcurrentHashMap<>();
    /** Where sampled writes run off the event's path; null to write before admitting. */
    private final Executor counting;

    public DynamoTenantQuota(DynamoDbClient client, String tableName, int eventsPerSecond) {
        this(client, tableName, eventsPerSecond, Draw.RANDOM);
    }

    /** @param draw picks the sampled events and their shards */
    public DynamoTenantQuota(DynamoDbClient client, String tableName, int eventsPerSecond, Draw draw) {
        this(client, tableName, eventsPerSecond, draw, null);
    }

    /** @param counting runs the sampled writes when the count is sampled (weight above 1); null writes in line */
    public DynamoTenantQuota(DynamoDbClient client, String tableName, int eventsPerSecond, Draw draw,
                             Executor counting) {
        if (eventsPerSecond < 1) {
            throw new IllegalArgumentException("the quota must be positive");
        }
        this.client = client;
        this.tableName = tableName;
        this.draw = draw;
        this.counting = counting;
        this.weight = Math.max(1, Math.min(SampledCounting.MAX_WEIGHT, eventsPerSecond / WRITES_PER_SHARD));
        long writesAtQuota = ((long) eventsPerSecond + weight - 1) / weight;
        this.shards = (int) ((writesAtQuota + WRITES_PER_SHARD - 1) / WRITES_PER_SHARD);
        this.perShard = ((long) eventsPerSecond + shards - 1) / shards;
        this.schedule = new SampleSchedule(weight, draw);
    }

    int shards() {
        return shards;
    }

    int weight() {
        return weight;
    }

    @Override
    public boolean admit(String tenant, long nowMs) {
        long second = nowMs / 1000;
        Long over = overInSecond.get(tenant);
        if (over != null && over == second) {
            return false;
        }
        if (!schedule.writes(tenant)) {
            return true;
        }
        int shard = shards == 1 ? 0 : draw.below(shards);
        if (counting != null && weight > 1) {
            try {
                counting.execute(() -> count(tenant, second, shard));
                return true;
            } catch (RejectedExecutionException backlog) {
                // Counted here instead, below.
            }
        }
        return count(tenant, second, shard);
    }

    /** Adds the sample to its shard; false, and the tenant refused for the rest of the second, once it is over. */
    private boolean count(String tenant, long second, int shard) {
        long count;
        try {
            count = add(tenant, second, shard);
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

    private long add(String tenant, long second, int shard) {
        var response = client.updateItem(r -> r.tableName(tableName)
                .key(DynamoSchema.quotaKey(tenant, second, shard))
                .updateExpression("SET #exp = :exp ADD #n :add")
                .expressionAttributeNames(Map.of("#exp", DynamoSchema.EXPIRES_AT, "#n", DynamoSchema.COUNT))
                .expressionAttributeValues(Map.of(":add", Attributes.n(weight),
                        ":exp", Attributes.n(second + TTL_SECONDS)))
                .returnValues(ReturnValue.UPDATED_NEW));
        AttributeValue n = response.attributes().get(DynamoSchema.COUNT);
        return n == null ? 0 : Long.parseLong(n.n());
    }
}
