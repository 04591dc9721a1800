package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.CONNECTION_ID;
import static dev.skysocket.store.dynamodb.DynamoSchema.ENDPOINT;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.PK;
import static dev.skysocket.store.dynamodb.DynamoSchema.SK;

import dev.skysocket.store.Member;
import dev.skysocket.store.SocketIdPrefix;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Walks a room's shards one after another, one Query page at a time (the SDK paginator follows
 * LastEvaluatedKey), so at most one page is held in memory. Skips members whose TTL has passed.
 *
 * <p>Leaving out one endpoint's members, it queries each shard twice, for the socket ids below that endpoint's
 * {@link SocketIdPrefix} and for those past it, so DynamoDB never reads (or bills) them; a filter on the endpoint
 * attribute still drops any of its members whose id lacks the prefix (sockets made before ids carried it).
 */
final class MemberIterator implements Iterator<Member> {
    private final DynamoDbClient client;
    private final String tableName;
    private final String tenant;
    private final String namespace;
    private final String room;
    private final int shards;
    private final int pageSize;
    private final long nowSeconds;
    /** Members reached through this endpoint are filtered out by DynamoDB; null: none are. */
    private final String exceptEndpoint;
    /** Sort-key ranges, each one Query per shard: the whole room, or both sides of the left-out endpoint's prefix. */
    private final List<SortKeyRange> ranges;

    private int nextQuery;
    private Iterator<Map<String, AttributeValue>> current = Collections.emptyIterator();
    private Member next;

    MemberIterator(DynamoDbClient client, String tableName, String tenant, String namespace, String room,
                   int shards, int pageSize, long nowSeconds, String exceptEndpoint) {
        this.client = client;
        this.tableName = tableName;
        this.tenant = tenant;
        this.namespace = namespace;
        this.room = room;
        this.shards = shards;
        this.pageSize = pageSize;
        this.nowSeconds = nowSeconds;
        this.exceptEndpoint = exceptEndpoint;
        String prefix = exceptEndpoint == null ? "" : SocketIdPrefix.of(exceptEndpoint);
        this.ranges = prefix.isEmpty() ? List.of(SortKeyRange.WHOLE)
                : List.of(new SortKeyRange("#sk < :bound", prefix),
                        new SortKeyRange("#sk > :bound", prefix + SocketIdPrefix.PAST));
    }

    /** One key condition on the sort key; {@code condition} null for the whole partition. */
    private record SortKeyRange(String condition, String bound) {
        static final SortKeyRange WHOLE = new SortKeyRange(null, null);
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (current.hasNext()) {
                Map<String, AttributeValue> item = current.next();
                if (DynamoSchema.isLive(item, nowSeconds)) {
                    next = ItemMapper.member(item);
                }
            } else if (nextQuery < shards * ranges.size()) {
                current = query(nextQuery / ranges.size(), ranges.get(nextQuery % ranges.size()));
                nextQuery++;
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public Member next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Member member = next;
        next = null;
        return member;
    }

    private Iterator<Map<String, AttributeValue>> query(int shard, SortKeyRange range) {
        String pk = DynamoSchema.roomPk(tenant, namespace, room, shard, shards);
        // Consistent: a socket that joined just before the broadcast must receive it, as in Socket.IO.
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#sk", SK, "#cid", CONNECTION_ID,
                "#endpoint", ENDPOINT, "#exp", EXPIRES_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attributes.s(pk)));
        if (exceptEndpoint != null) {
            values.put(":own", Attributes.s(exceptEndpoint));
        }
        if (range.condition() != null) {
            values.put(":bound", Attributes.s(range.bound()));
        }
        String keyCondition = range.condition() == null ? "#pk = :pk" : "#pk = :pk AND " + range.condition();
        return client.queryPaginator(r -> {
                    r.tableName(tableName).consistentRead(true)
                            .keyConditionExpression(keyCondition)
                            .projectionExpression("#sk, #cid, #endpoint, #exp")
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .limit(pageSize);
                    if (exceptEndpoint != null) {
                        r.filterExpression("#endpoint <> :own");
                    }
                })
                .items().iterator();
    }
}
