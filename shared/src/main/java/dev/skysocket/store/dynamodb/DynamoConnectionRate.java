package dev.skysocket.store.dynamodb;

import dev.skysocket.limits.ConnectionRate;
import dev.skysocket.limits.Draw;
import dev.skysocket.limits.RateVerdict;
import dev.skysocket.limits.SampleSchedule;
import dev.skysocket.limits.SampledCounting;
import java.lang.System.Logger.Level;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The per-connection token bucket where any Lambda instance may handle a connection's next event, counted from a
 * sample: at the default limits each process writes every 20th event of a connection, from a random start
 * ({@link SampleSchedule}), and that write adds 20 ({@link SampledCounting}). A write is one UpdateItem (1 write
 * unit, the item stays under 1 KB) that adds the weight to the connection's count for its 10-second window and to
 * the count of the second within it ({@link DynamoSchema#rateWindowKey}), and returns both. No read, no
 * condition, so concurrent invocations never retry each other.
 *
 * <p>A bucket of {@code burst} tokens refilled at {@code perSecond} lets at most {@code burst + perSecond} events
 * through in any one second and {@code burst + 10 × perSecond} in any ten; the counted totals are compared with
 * {@link SampledCounting#threshold} of those bounds, which a client the bucket admits passes with probability at
 * most 10⁻⁹ per second or window (exact below 60 events a second, where every event is written). ADD hands every
 * write its own total, so exactly one write per window (or second) sees it pass the threshold and closes the
 * connection; the sampled ones after it are dropped without anything else.
 */
public final class DynamoConnectionRate implements ConnectionRate {
    static final int WINDOW_SECONDS = 10;
    /** Counter items outlive their window by a minute; DynamoDB's TTL deletes them at no cost. */
    private static final long TTL_MARGIN_SECONDS = 60;
    private static final System.Logger LOG = System.getLogger(DynamoConnectionRate.class.getName());

    private final DynamoDbClient client;
    private final String tableName;
    private final SampleSchedule schedule;
    private final int weight;
    private final long perSecondBound;
    private final long perWindowBound;

    public DynamoConnectionRate(DynamoDbClient client, String tableName, int burst, int perSecond) {
        this(client, tableName, burst, perSecond, Draw.RANDOM);
    }

    /** @param draw picks the sampled events */
    public DynamoConnectionRate(DynamoDbClient client, String tableName, int burst, int perSecond, Draw draw) {
        if (burst < 1 || perSecond < 1) {
            throw new IllegalArgumentException("burst and rate must be positive");
        }
        this.client = client;
        this.tableName = tableName;
        // The weight suits the smaller bound; the window's, larger, is then counted with less relative noise.
        this.weight = SampledCounting.weightFor((long) burst + perSecond);
        this.perSecondBound = SampledCounting.threshold((long) burst + perSecond, weight);
        this.perWindowBound = SampledCounting.threshold((long) burst + (long) perSecond * WINDOW_SECONDS, weight);
        this.schedule = new SampleSchedule(weight, draw);
    }

    int weight() {
        return weight;
    }

    long perSecondThreshold() {
        return perSecondBound;
    }

    long perWindowThreshold() {
        return perWindowBound;
    }

    @Override
    public RateVerdict count(String connectionId, long nowMs) {
        if (!schedule.writes(connectionId)) {
            return RateVerdict.ADMIT;
        }
        long second = nowMs / 1000;
        long window = second / WINDOW_SECONDS;
        String slot = "s" + (second % WINDOW_SECONDS);
        UpdateItemResponse response;
        try {
            response = client.updateItem(r -> r.tableName(tableName)
                    .key(DynamoSchema.rateWindowKey(connectionId, window))
                    .updateExpression("SET #exp = :exp ADD #n :w, #s :w")
                    .expressionAttributeNames(Map.of("#exp", DynamoSchema.EXPIRES_AT, "#n", DynamoSchema.COUNT,
                            "#s", slot))
                    .expressionAttributeValues(Map.of(":w", Attributes.n(weight),
                            ":exp", Attributes.n((window + 1) * WINDOW_SECONDS + TTL_MARGIN_SECONDS)))
                    .returnValues(ReturnValue.UPDATED_NEW));
        } catch (RuntimeException e) {
            // A limit must not become a way to fail events: the store's own retries are spent, so let it through.
            LOG.log(Level.WARNING, "event=rate_count_failed connection={0} error={1}", connectionId,
                    e.getClass().getSimpleName());
            return RateVerdict.ADMIT;
        }
        long inWindow = number(response.attributes(), DynamoSchema.COUNT);
        long inSecond = number(response.attributes(), slot);
        boolean over = inWindow > perWindowBound || inSecond > perSecondBound;
        if (!over) {
            return RateVerdict.ADMIT;
        }
        // The write that went over: without it, both counts were within their thresholds.
        boolean wasWithin = inWindow - weight <= perWindowBound && inSecond - weight <= perSecondBound;
        return wasWithin ? RateVerdict.CLOSE : RateVerdict.DROP;
    }

    private static long number(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
