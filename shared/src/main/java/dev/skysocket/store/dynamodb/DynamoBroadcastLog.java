package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.EXCEPT_ROOMS;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXCEPT_SOCKETS;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.FRAMES;
import static dev.skysocket.store.dynamodb.DynamoSchema.PK;
import static dev.skysocket.store.dynamodb.DynamoSchema.ROOMS;
import static dev.skysocket.store.dynamodb.DynamoSchema.SK;

import dev.skysocket.store.BroadcastLog;
import dev.skysocket.store.LoggedPacket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One namespace's replayable packets in one partition ({@code L#tenant#namespace}), sorted by offset: one PutItem
 * per emit or broadcast, however many sockets it reaches; a recovery reads its range with one paginated Query.
 * One partition takes about 1,000 write units a second, so one namespace logs up to about 1,000 packets of at most
 * 1 KB a second.
 */
public final class DynamoBroadcastLog implements BroadcastLog {
    private final DynamoDbClient client;
    private final String tableName;

    public DynamoBroadcastLog(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public void append(String tenant, String namespace, LoggedPacket packet, long expiresAtSeconds) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoSchema.key(DynamoSchema.logPk(tenant, namespace),
                packet.offset()));
        putSet(item, ROOMS, packet.rooms());
        putSet(item, EXCEPT_ROOMS, packet.exceptRooms());
        putSet(item, EXCEPT_SOCKETS, packet.exceptSockets());
        item.put(FRAMES, AttributeValue.fromL(packet.frames().stream().map(Attributes::s).toList()));
        item.put(EXPIRES_AT, Attributes.n(expiresAtSeconds));
        client.putItem(r -> r.tableName(tableName).item(item));
    }

    @Override
    public List<LoggedPacket> between(String tenant, String namespace, String after, String upTo, long nowMillis) {
        List<LoggedPacket> packets = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            // BETWEEN is inclusive at both ends; the item at exactly `after` is the client's own last one, skipped.
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :after AND :upTo")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":pk", Attributes.s(DynamoSchema.logPk(tenant, namespace)),
                            ":after", Attributes.s(after), ":upTo", Attributes.s(upTo)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page = client.query(request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                String offset = Attributes.string(item, SK);
                if (!offset.equals(after) && DynamoSchema.isLive(item, nowMillis / 1000)) {
                    packets.add(new LoggedPacket(offset, set(item, ROOMS), set(item, EXCEPT_ROOMS),
                            set(item, EXCEPT_SOCKETS), item.get(FRAMES).l().stream().map(AttributeValue::s).toList()));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return packets;
    }

    private static void putSet(Map<String, AttributeValue> item, String name, Set<String> values) {
        if (!values.isEmpty()) {
            item.put(name, AttributeValue.fromSs(List.copyOf(values)));
        }
    }

    private static Set<String> set(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasSs() ? Set.of() : Set.copyOf(value.ss());
    }
}
