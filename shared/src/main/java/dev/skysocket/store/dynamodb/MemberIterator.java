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
    /** Sort-key conditions, each one Query per shard: the whole room, or the ranges on both sides of a prefix. */
    private final List<String> ranges;
    private final String prefix;

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
        this.prefix = exceptEndpoint == null ? "" : SocketIdPrefix.of(exceptEndpoint);
        this.ranges = prefix.isEmpty() ? List.of("") : List.of(" AND #sk < :below", " AND #sk > :past");
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

    private Iterator<Map<String, AttributeValue>> query(int shard, String range) {
        String pk = DynamoSchema.roomPk(tenant, namespace, room, shard, shards);
        // Consistent: a socket that joined just before the broadcast must receive it, as in Socket.IO.
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#sk", SK, "#cid", CONNECTION_ID,
                "#endpoint", ENDPOINT, "#exp", EXPIRES_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attributes.s(pk)));
        if (exceptEndpoint != null) {
            values.put(":own", Attributes.s(exceptEndpoint));
        }
        if (range.contains(":below")) {
            values.put(":below", Attributes.s(prefix));
        } else if (range.contains(":past")) {
            values.put(":past", Attributes.s(prefix + SocketIdPrefix.PAST));
        }
        return client.queryPaginator(r -> {
                    r.tableName(tableName).consistentRead(true)
                            .keyConditionExpression("#pk = :pk" + range)
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
