package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.RUN_ID;
import static dev.skysocket.store.dynamodb.DynamoSchema.STARTED_AT;

import dev.skysocket.store.SweepRuns;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The heartbeat's latest run start as one item of the table ({@link DynamoSchema#sweepRunsKey}). Each run writes
 * it once (one PutItem, 1 write unit); a run covering the next run's minute reads it before each pass there (one
 * strongly consistent GetItem, 1 read unit: a read that might miss the newer run's write would only keep the older
 * run passing, but a consistent read lets it stop at the first look).
 */
public final class DynamoSweepRuns implements SweepRuns {
    /** Long past any run's end; the item is rewritten every minute while the schedule runs. */
    static final long TTL_SECONDS = 3_600;

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    /** @param clock "now" for the TTL filter on reads */
    public DynamoSweepRuns(DynamoDbClient client, String tableName, Clock clock) {
        this.client = client;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public void started(String runId, long at) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoSchema.sweepRunsKey());
        item.put(RUN_ID, Attributes.s(runId));
        item.put(STARTED_AT, Attributes.n(at));
        item.put(EXPIRES_AT, Attributes.n(at / 1000 + TTL_SECONDS));
        try {
            // Conditional, so a run whose write is delayed cannot hide a newer run's start.
            client.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#at) OR #at < :at")
                    .expressionAttributeNames(Map.of("#at", STARTED_AT))
                    .expressionAttributeValues(Map.of(":at", Attributes.n(at))));
        } catch (ConditionalCheckFailedException newer) {
            // A newer run has recorded its start already: nothing to do.
        }
    }

    @Override
    public OptionalLong latestStart() {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName).key(DynamoSchema.sweepRunsKey())
                .consistentRead(true)
                .projectionExpression("#at, #exp")
                .expressionAttributeNames(Map.of("#at", STARTED_AT, "#exp", EXPIRES_AT))).item();
        if (item == null || item.isEmpty() || !item.containsKey(STARTED_AT)
                || !DynamoSchema.isLive(item, clock.millis() / 1000)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Attributes.number(item, STARTED_AT, 0));
    }
}
