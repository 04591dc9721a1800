package dev.skysocket.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import java.util.List;
import java.util.Map;

/**
 * Binary attachments inside a Socket.IO tree: {@code {"_placeholder":true,"num":n}} on the wire, a
 * {@link BinaryNode} in memory. Trees are at most {@code maxJsonDepth} deep, so recursion is bounded.
 */
final class Placeholders {
    static final String MARKER = "_placeholder";
    static final String NUM = "num";

    private Placeholders() {
    }

    /**
     * Checks that a binary header's placeholders are well formed and use each of {@code count} attachments
     * exactly once; with {@code attachments}, returns a copy in which they are replaced by the bytes.
     */
    static JsonNode resolve(JsonNode data, int count, List<byte[]> attachments) {
        boolean[] seen = new boolean[count];
        JsonNode result = walk(data, seen, attachments);
        for (boolean used : seen) {
            if (!used) {
                throw bad("an announced attachment has no placeholder");
            }
        }
        return result;
    }

    private static JsonNode walk(JsonNode node, boolean[] seen, List<byte[]> attachments) {
        if (node instanceof ObjectNode object) {
            if (object.has(MARKER)) {
                int num = placeholderNum(object, seen.length);
                if (seen[num]) {
                    throw bad("two placeholders share one attachment");
                }
                seen[num] = true;
                return attachments == null ? node : JsonNodeFactory.instance.binaryNode(attachments.get(num));
            }
            ObjectNode copy = attachments == null ? null : JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = walk(field.getValue(), seen, attachments);
                if (copy != null) {
                    copy.set(field.getKey(), value);
                }
            }
            return copy == null ? node : copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = attachments == null ? null : JsonNodeFactory.instance.arrayNode(array.size());
            for (JsonNode element : array) {
                JsonNode value = walk(element, seen, attachments);
                if (copy != null) {
                    copy.add(value);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }

    /** Strict shape: exactly {@code _placeholder: true} and an integral {@code num} in range. */
    private static int placeholderNum(ObjectNode object, int count) {
        JsonNode marker = object.get(MARKER);
        JsonNode num = object.get(NUM);
        if (object.size() != 2 || !marker.isBoolean() || !marker.booleanValue()) {
            throw bad("malformed placeholder");
        }
        if (num == null || !num.isIntegralNumber() || !num.canConvertToInt()) {
            throw bad("placeholder number is not an integer");
        }
        int n = num.intValue();
        if (n < 0 || n >= count) {
            throw bad("placeholder number out of range");
        }
        return n;
    }

    static boolean containsBinary(JsonNode node) {
        if (node instanceof BinaryNode) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (containsBinary(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The encoder's direction: a copy with every {@link BinaryNode} replaced by a placeholder, its bytes added
     * to {@code out} in depth-first order, as the JavaScript reference numbers them.
     */
    static JsonNode extract(JsonNode node, List<byte[]> out) {
        if (node instanceof BinaryNode binary) {
            ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
            placeholder.put(MARKER, true);
            placeholder.put(NUM, out.size());
            out.add(binary.binaryValue());
            return placeholder;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(array.size());
            for (JsonNode element : array) {
                copy.add(extract(element, out));
            }
            return copy;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                copy.set(field.getKey(), extract(field.getValue(), out));
            }
            return copy;
        }
        return node;
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ProtocolError.BAD_ATTACHMENTS, message);
    }
}
