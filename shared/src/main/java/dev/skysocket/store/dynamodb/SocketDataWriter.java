package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.s;
import static dev.skysocket.store.dynamodb.DynamoSchema.DATA;
import static dev.skysocket.store.dynamodb.DynamoSchema.DATA_FIELDS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Writes a handler's change to {@code socket.data} key by key ({@link DataFields}): one UpdateItem SETs each changed
 * top-level key and REMOVEs each deleted one, never the whole object. API Gateway may run two handlers of one
 * socket at once; when they change different keys both changes land, when they change the same key the later
 * write wins. Nothing is read first.
 *
 * <p>A socket item stored before this layout keeps its data as one JSON string in {@code data}. The first change
 * to it moves that string into the map (under {@code if_not_exists}, and that string is never written again, so
 * two handlers doing it at once write the same thing), then applies the change.
 */
final class SocketDataWriter {
    /** Keys per UpdateItem: keeps the update expression well under DynamoDB's 4 KB limit on expressions. */
    static final int KEYS_PER_UPDATE = 50;

    private final DynamoDbClient client;
    private final String tableName;
    private final LiveUpdates liveUpdates;

    SocketDataWriter(DynamoDbClient client, String tableName, LiveUpdates liveUpdates) {
        this.client = client;
        this.tableName = tableName;
        this.liveUpdates = liveUpdates;
    }

    /** False when the socket item is gone or expired (then nothing is written). */
    boolean update(Map<String, AttributeValue> key, Map<String, String> changed, Set<String> removed) {
        List<String> keys = new ArrayList<>(changed.keySet());
        keys.addAll(removed);
        for (int from = 0; from < keys.size(); from += KEYS_PER_UPDATE) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_UPDATE));
            if (!updateOrMigrate(key, chunk, changed)) {
                return false;
            }
        }
        return true;
    }

    private boolean updateOrMigrate(Map<String, AttributeValue> key, List<String> keys, Map<String, String> changed) {
        if (apply(key, keys, changed)) {
            return true;
        }
        // No map yet: an item of the old layout, or gone. Move the old string into the map, then try once more.
        return migrate(key) && apply(key, keys, changed);
    }

    private boolean apply(Map<String, AttributeValue> key, List<String> keys, Map<String, String> changed) {
        Map<String, String> names = new HashMap<>();
        names.put("#f", DATA_FIELDS);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":map", s("M"));
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String dataKey = keys.get(i);
            names.put("#k" + i, DataFields.fieldName(dataKey));
            if (changed.containsKey(dataKey)) {
                values.put(":v" + i, s(changed.get(dataKey)));
                sets.add("#f.#k" + i + " = :v" + i);
            } else {
                removes.add("#f.#k" + i);
            }
        }
        String update = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets) + " ")
                + (removes.isEmpty() ? "" : "REMOVE " + String.join(", ", removes));
        try {
            // False on a gone socket, and on one of the old layout (no map yet).
            return liveUpdates.update(key, update.trim(), "attribute_type(#f, :map)", names, values);
        } catch (DynamoDbException e) {
            if (isMissingMap(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Gives an item without the map one, holding its old {@code data} string's keys; false when it is gone. */
    private boolean migrate(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName).key(key).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return false;
        }
        return liveUpdates.update(key, "SET #f = if_not_exists(#f, :fields) REMOVE #data", null,
                Map.of("#f", DATA_FIELDS, "#data", DATA), Map.of(":fields", DataFields.toMap(Attributes.string(item, DATA))));
    }

    /** DynamoDB refuses a path into a map that does not exist rather than failing the condition, on some versions. */
    private static boolean isMissingMap(DynamoDbException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message != null && message.contains("document path");
    }
}
