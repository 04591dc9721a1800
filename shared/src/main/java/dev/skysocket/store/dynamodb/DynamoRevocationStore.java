package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.REVOKED_UNTIL;

import dev.skysocket.store.RevocationStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per revoked user ({@link DynamoSchema#revocationKey}): a conditional PutItem to revoke (1 write unit),
 * a strongly consistent GetItem to check (1 read unit). The check must be consistent: a connection whose CONNECT
 * is checked after the revocation's write must see it, or it could open after the revocation's close pass.
 */
public final class DynamoRevocationStore implements RevocationStore {
    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    /** @param clock "now" for the end-of-refusal check on reads (TTL deletion is lazy) */
    public DynamoRevocationStore(DynamoDbClient client, String tableName, Clock clock) {
        this.client = client;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public void revoke(String tenant, String user, long untilMs) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoSchema.revocationKey(tenant, user));
        item.put(REVOKED_UNTIL, Attributes.n(untilMs));
        // Rounded up: the item outlives the refusal by under a second rather than ending before it.
        item.put(EXPIRES_AT, Attributes.n((untilMs + 999) / 1000));
        try {
            client.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#until) OR #until < :until")
                    .expressionAttributeNames(Map.of("#until", REVOKED_UNTIL))
                    .expressionAttributeValues(Map.of(":until", Attributes.n(untilMs))));
        } catch (ConditionalCheckFailedException longer) {
            // A longer refusal is stored already: it stays.
        }
    }

    @Override
    public OptionalLong revokedUntil(String tenant, String user) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName)
                .key(DynamoSchema.revocationKey(tenant, user))
                .consistentRead(true)
                .projectionExpression("#until")
                .expressionAttributeNames(Map.of("#until", REVOKED_UNTIL))).item();
        long until = item == null ? 0 : Attributes.number(item, REVOKED_UNTIL, 0);
        return until > clock.millis() ? OptionalLong.of(until) : OptionalLong.empty();
    }
}
