package dev.skysocket.benchmarks.remote;

import dev.skysocket.store.dynamodb.DynamoSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills a room with copies of one member the product stored itself (its connection, socket and membership
 * items, only the ids differ), 25 items per BatchWriteItem, so large rooms load in seconds.
 */
final class RoomFill {
    private static final int BATCH = 25;

    private RoomFill() {
    }

    /** The template member's three items: connection, socket, membership. */
    record Template(Map<String, AttributeValue> connection, Map<String, AttributeValue> socket,
                    Map<String, AttributeValue> membership) {
    }

    static void fill(DynamoDbClient client, String table, Template template, String prefix, int count) {
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            String connectionId = prefix + "c" + i;
            String socketId = prefix + "s" + i;
            for (Map<String, AttributeValue> item : List.of(
                    copy(template.connection(), connectionId, null, true),
                    copy(template.socket(), connectionId, socketId, true),
                    copy(template.membership(), connectionId, socketId, false))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == BATCH) {
                    write(client, table, batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            write(client, table, batch);
        }
    }

    private static Map<String, AttributeValue> copy(Map<String, AttributeValue> item, String connectionId,
                                                    String socketId, boolean inConnectionPartition) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put(DynamoSchema.CONNECTION_ID, AttributeValue.fromS(connectionId));
        if (inConnectionPartition) {
            copy.put(DynamoSchema.PK, AttributeValue.fromS(DynamoSchema.connectionPk(connectionId)));
        } else {
            copy.put(DynamoSchema.SK, AttributeValue.fromS(socketId));
        }
        if (socketId != null && copy.containsKey(DynamoSchema.SOCKET_ID)) {
            copy.put(DynamoSchema.SOCKET_ID, AttributeValue.fromS(socketId));
        }
        return copy;
    }

    private static void write(DynamoDbClient client, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.getOrDefault(table, List.of()).isEmpty(); attempt++) {
            if (attempt > 20) {
                throw new IllegalStateException("items stayed unprocessed after 20 attempts");
            }
            Map<String, List<WriteRequest>> request = pending;
            pending = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
        }
    }
}
