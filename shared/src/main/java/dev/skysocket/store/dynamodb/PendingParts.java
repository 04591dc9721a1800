package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.n;
import static dev.skysocket.store.dynamodb.DynamoSchema.PENDING;
import static dev.skysocket.store.dynamodb.DynamoSchema.PENDING_VERSION;
import static dev.skysocket.store.dynamodb.DynamoSchema.connectionKey;

import dev.skysocket.store.PendingBinary;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A binary packet's parts still awaiting attachments, kept on the connection item. Handlers may run at once, so
 * each change is a compare-and-set on {@code pendingVersion}: conditional on the version read, raised by one.
 */
final class PendingParts {
    private final LiveUpdates liveUpdates;

    PendingParts(LiveUpdates liveUpdates) {
        this.liveUpdates = liveUpdates;
    }

    /** False when another handler changed the parts since {@code read}, or the connection is gone. */
    boolean replace(String connectionId, PendingBinary read, PendingBinary next) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", n(read.version() + 1));
        String update = "SET #pv = :next";
        if (next.isEmpty()) {
            update += " REMOVE #pending";
        } else {
            update += ", #pending = :pending";
            values.put(":pending", ItemMapper.pendingValue(next));
        }
        String atVersion = "attribute_not_exists(#pv)";
        if (read.version() != 0) {
            atVersion = "#pv = :read";
            values.put(":read", n(read.version()));
        }
        return liveUpdates.update(connectionKey(connectionId), update, atVersion,
                Map.of("#pending", PENDING, "#pv", PENDING_VERSION), values);
    }
}
