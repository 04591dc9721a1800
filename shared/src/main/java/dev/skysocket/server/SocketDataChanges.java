package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.store.SocketStore;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A socket's {@code data} as handlers change it, beside the copy last read or saved: a save writes only the
 * top-level keys set, changed or deleted since, each on its own, so another handler of the same socket running at
 * the same time keeps its own changes to other keys.
 */
final class SocketDataChanges {
    private final ObjectNode data;
    private ObjectNode saved;

    /** From the stored JSON text; none, or one that is not an object, reads as an empty object. */
    SocketDataChanges(String json) {
        JsonNode parsed = json == null ? null : JsonValues.read(json);
        this.data = parsed instanceof ObjectNode object ? object : JsonValues.object();
        this.saved = data.deepCopy();
    }

    /** The live object handlers change. */
    ObjectNode data() {
        return data;
    }

    /** The current data counts as stored (a new socket was stored with it). */
    void markSaved() {
        saved = data.deepCopy();
    }

    /** Writes the keys that differ from the saved copy, if any, to the socket's item. */
    void save(SocketStore sockets, String connectionId, String namespace) {
        Map<String, String> changed = new LinkedHashMap<>();
        data.fields().forEachRemaining(field -> {
            if (!field.getValue().equals(saved.get(field.getKey()))) {
                changed.put(field.getKey(), JsonValues.write(field.getValue()));
            }
        });
        Set<String> removed = new LinkedHashSet<>();
        saved.fieldNames().forEachRemaining(key -> {
            if (!data.has(key)) {
                removed.add(key);
            }
        });
        if (!changed.isEmpty() || !removed.isEmpty()) {
            sockets.updateSocketData(connectionId, namespace, changed, removed);
            markSaved();
        }
    }
}
