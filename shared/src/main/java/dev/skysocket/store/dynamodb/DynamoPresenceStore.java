package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.s;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.MEMBER_ID;
import static dev.skysocket.store.dynamodb.DynamoSchema.MEMBER_SOCKETS;
import static dev.skysocket.store.dynamodb.DynamoSchema.USER_INFO;
import static dev.skysocket.store.dynamodb.DynamoSchema.isLive;
import static dev.skysocket.store.dynamodb.DynamoSchema.presencePk;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.store.PresenceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link PresenceStore} on the single table: one item per member in the room's presence partition
 * ({@code PR#tenant#namespace#room}, sort key the member id) holding the member's user info and the set of its
 * socket ids there. Set ADD and DELETE are atomic, and each returns the item around it, so the caller whose write
 * turned the set from absent to present (or back) is the one that announces: no read, no transaction.
 *
 * <p>Costs (items well under 1 KB): a join is one UpdateItem (1 write unit); a leave one UpdateItem, plus one
 * conditional DeleteItem for the last socket (2 write units); a listing one strongly consistent Query (1 read
 * unit per 4 KB of members, about 25 members of 150 bytes; paginated at 1 MB).
 */
public final class DynamoPresenceStore implements PresenceStore {
    private static final Map<String, String> NAMES = Map.of("#socks", MEMBER_SOCKETS, "#mid", MEMBER_ID,
            "#user", USER_INFO, "#exp", EXPIRES_AT);

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    public DynamoPresenceStore(DynamoDbClient client, String tableName, Clock clock) {
        this.client = client;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public boolean join(PresenceKey key, String socketId, String userJson, long expiresAt) {
        Map<String, AttributeValue> values = Map.of(":sock", AttributeValue.fromSs(List.of(socketId)),
                ":mid", s(key.memberId()), ":user", s(userJson == null ? "null" : userJson),
                ":exp", Attributes.n(expiresAt));
        Map<String, AttributeValue> old = client.updateItem(r -> r.tableName(tableName).key(itemKey(key))
                .updateExpression("ADD #socks :sock SET #mid = :mid, #user = :user, #exp = :exp")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        boolean existed = old != null && old.containsKey(MEMBER_SOCKETS);
        if (existed && !isLive(old, nowSeconds())) {
            // Expired but not yet deleted (TTL is lazy): its sockets are long gone, so this one starts afresh.
            client.updateItem(r -> r.tableName(tableName).key(itemKey(key))
                    .updateExpression("SET #socks = :sock")
                    .expressionAttributeNames(Map.of("#socks", MEMBER_SOCKETS))
                    .expressionAttributeValues(Map.of(":sock", values.get(":sock"))));
            existed = false;
        }
        if (!existed) {
            Metrics.count(Metric.PRESENCE_JOINS);
        }
        return !existed;
    }

    @Override
    public boolean leave(PresenceKey key, String socketId) {
        Map<String, AttributeValue> now;
        try {
            // Conditional, so a socket that is not (or no longer) there never creates an empty item.
            now = client.updateItem(r -> r.tableName(tableName).key(itemKey(key))
                    .updateExpression("DELETE #socks :sock")
                    .conditionExpression("contains(#socks, :sid)")
                    .expressionAttributeNames(Map.of("#socks", MEMBER_SOCKETS))
                    .expressionAttributeValues(Map.of(":sock", AttributeValue.fromSs(List.of(socketId)),
                            ":sid", s(socketId)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException notThere) {
            return false;
        }
        if (now != null && now.containsKey(MEMBER_SOCKETS)) {
            return false; // DynamoDB keeps no empty set: the attribute is gone exactly when the last socket left
        }
        try {
            // A join racing this one may have added a socket since: then the item stays (and that join announced).
            client.deleteItem(r -> r.tableName(tableName).key(itemKey(key))
                    .conditionExpression("attribute_not_exists(#socks)")
                    .expressionAttributeNames(Map.of("#socks", MEMBER_SOCKETS)));
        } catch (ConditionalCheckFailedException rejoined) {
            // the member is back already; its departure still happened first
        }
        Metrics.count(Metric.PRESENCE_LEAVES);
        return true;
    }

    @Override
    public List<PresenceEntry> members(String tenant, String namespace, String room) {
        // Strongly consistent: a socket that has just joined finds itself in the list.
        var pages = client.queryPaginator(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", DynamoSchema.PK))
                .expressionAttributeValues(Map.of(":pk", s(presencePk(tenant, namespace, room)))));
        long now = nowSeconds();
        List<PresenceEntry> members = new ArrayList<>();
        for (Map<String, AttributeValue> item : pages.items()) {
            if (isLive(item, now) && item.containsKey(MEMBER_SOCKETS)) {
                members.add(new PresenceEntry(Attributes.string(item, MEMBER_ID), Attributes.string(item, USER_INFO)));
            }
        }
        members.sort(Comparator.comparing(PresenceEntry::memberId));
        return members;
    }

    private static Map<String, AttributeValue> itemKey(PresenceKey key) {
        return DynamoSchema.key(presencePk(key.tenant(), key.namespace(), key.room()), DynamoSchema.part(key.memberId()));
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }
}
