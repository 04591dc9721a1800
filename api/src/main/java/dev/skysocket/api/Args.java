package dev.skysocket.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The arguments of an event, after its name, as JSON trees; binary parts are {@code BinaryNode}s.
 * Passing an {@code Args} to {@code emit} or {@code ack.send} spreads it, so echoing is {@code ack.send(args)}.
 */
public final class Args implements Iterable<JsonNode> {
    private final List<JsonNode> values;

    private Args(List<JsonNode> values) {
        this.values = List.copyOf(values);
    }

    /** These values as arguments (a test builds the arguments a client would send this way). */
    public static Args of(List<JsonNode> values) {
        return new Args(values);
    }

    /** The elements of an array from {@code from} on (1 skips an EVENT payload's name; 0 for ack payloads). */
    public static Args of(ArrayNode payload, int from) {
        List<JsonNode> values = new ArrayList<>(Math.max(0, payload.size() - from));
        for (int i = from; i < payload.size(); i++) {
            values.add(payload.get(i));
        }
        return new Args(values);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The i-th argument, or a MissingNode past the end (so {@code get(0).path("room")} never throws). */
    public JsonNode get(int index) {
        return index < values.size() ? values.get(index) : MissingNode.getInstance();
    }

    /** The i-th argument as text, or null when it is absent or not a string. */
    public String text(int index) {
        JsonNode node = get(index);
        return node.isTextual() ? node.asText() : null;
    }

    public List<JsonNode> asList() {
        return values;
    }

    @Override
    public Iterator<JsonNode> iterator() {
        return values.iterator();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
