package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.Args;
import java.nio.ByteBuffer;

/** Turns the values apps pass to {@code emit}/{@code ack} into JSON trees; byte arrays become binary parts. */
public final class JsonValues {
    /** One mapper for the whole process: it is thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    public static JsonNode toNode(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof byte[] bytes) {
            return BinaryNode.valueOf(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return BinaryNode.valueOf(bytes);
        }
        return MAPPER.valueToTree(value);
    }

    /** {@code [event, ...args]}, the payload of an EVENT packet. */
    public static ArrayNode eventPayload(String event, Object... args) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        array.add(event);
        appendAll(array, args);
        return array;
    }

    public static ArrayNode array(Object... args) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        appendAll(array, args);
        return array;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private static void appendAll(ArrayNode array, Object... args) {
        if (args == null) {
            return;
        }
        for (Object arg : args) {
            if (arg instanceof Args list) {
                list.forEach(array::add);
            } else {
                array.add(toNode(arg));
            }
        }
    }
}
