package dev.skysocket.store.dynamodb;

import dev.skysocket.limits.ConnectionRate;
import dev.skysocket.limits.RateVerdict;
import java.lang.System.Logger.Level;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The per-connection token bucket where any Lambda instance may handle a connection's next event: one UpdateItem
 * per event (1 write unit, the item stays under 1 KB) that adds one to the connection's count for its 10-second
 * window and to the count of the second within it ({@link DynamoSchema#rateWindowKey}), and returns both. No read,
 * no condition, so concurrent invocations never retry each other.
 *
 * <p>A bucket of {@code burst} tokens refilled at {@code perSecond} lets at most {@code burst + perSecond} events
 * through in any one second and {@code burst + 10 × perSecond} in any ten, so those are the two bounds: a client
 * the bucket admits is never closed here, and a flood is caught within its first second. What this admits beyond
 * the exact bucket: a steady rate up to {@code perSecond + burst / 10}. ADD hands every event its own count, so
 * exactly one event per window (or second) sees the count pass the bound and closes the connection; the ones after
 * it are dropped without anything else.
 */
public final class DynamoConnectionRate implements ConnectionRate {
    static final int WINDOW_SECONDS = 10;
    /** Counter items outlive their window by a minute; DynamoDB's TTL deletes them at no cost. */
    private static final long TTL_MARGIN_SECONDS = 60;
    private static final System.Logger LOG = System.getLogger(DynamoConnectionRate.class.getName());

    private final DynamoDbClient client;
    private final String tableName;
    private final long perSecondBound;
    private final long perWindowBound;

    public DynamoConnectionRate(DynamoDbClient client, String tableName, int burst, int perSecond) {
        if (burst < 1 || perSecond < 1) {
            throw new IllegalArgumentException("burst and rate must be positive");
        }
        this.client = client;
        this.tableName = tableName;
        this.perSecondBound = (long) burst + perSecond;
        this.perWindowBound = (long) burst + (long) perSecond * WINDOW_SECONDS;
    }

    @Override
    public RateVerdict count(String connectionId, long nowMs) {
        long second = nowMs / 1000;
        long window = second / WINDOW_SECONDS;
        String slot = "s" + (second % WINDOW_SECONDS);
        UpdateItemResponse response;
        try {
            response = client.updateItem(r -> r.tableName(tableName)
                    .key(DynamoSchema.rateWindowKey(connectionId, window))
                    .updateExpression("SET #exp = :exp ADD #n :one, #s :one")
                    .expressionAttributeNames(Map.of("#exp", DynamoSchema.EXPIRES_AT, "#n", DynamoSchema.COUNT,
                            "#s", slot))
                    .expressionAttributeValues(Map.of(":one", Attributes.n(1),
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
        // The event that went over: without it, both counts were within their bounds.
        boolean wasWithin = inWindow - 1 <= perWindowBound && inSecond - 1 <= perSecondBound;
        return wasWithin ? RateVerdict.CLOSE : RateVerdict.DROP;
    }

    private static long number(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
