package dev.skysocket.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.socket.client.Ack;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Event arguments between the two JSON models: Jackson trees (what tests and apps see) and the values the Java
 * socket.io-client reads and writes (org.json objects and arrays, strings, numbers, booleans, {@code byte[]}).
 */
final class ClientArgs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClientArgs() {
    }

    /** What the client handed a listener or an ack callback, as one JSON array; a server's ack request is dropped. */
    static ArrayNode fromClient(Object[] args, int from) {
        ArrayNode array = NODES.arrayNode();
        for (int i = from; i < args.length; i++) {
            if (!(args[i] instanceof Ack)) {
                array.add(fromClient(args[i]));
            }
        }
        return array;
    }

    static JsonNode fromClient(Object value) {
        if (value == null || value == JSONObject.NULL) {
            return NODES.nullNode();
        } else if (value instanceof JSONObject object) {
            ObjectNode node = NODES.objectNode();
            for (Iterator<?> keys = object.keys(); keys.hasNext(); ) {
                String key = String.valueOf(keys.next());
                node.set(key, fromClient(object.opt(key)));
            }
            return node;
        } else if (value instanceof JSONArray array) {
            ArrayNode node = NODES.arrayNode();
            for (int i = 0; i < array.length(); i++) {
                node.add(fromClient(array.opt(i)));
            }
            return node;
        } else if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        return MAPPER.valueToTree(value);
    }

    /** Arguments for {@code Socket.emit}: each converted by {@link #toClient(Object)}. */
    static Object[] toClient(Object[] args) {
        Object[] converted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            converted[i] = toClient(args[i]);
        }
        return converted;
    }

    /**
     * One value as the Java client sends it. Jackson trees, maps, collections and arrays become org.json objects
     * and arrays; strings, numbers, booleans and {@code byte[]} pass; anything else goes through Jackson's
     * {@code valueToTree} (records, beans).
     */
    static Object toClient(Object value) {
        if (value == null || value == JSONObject.NULL) {
            return JSONObject.NULL;
        } else if (value instanceof String || value instanceof Boolean || value instanceof byte[]
                || value instanceof JSONObject || value instanceof JSONArray) {
            return value;
        } else if (value instanceof Number number) {
            return number;
        } else if (value instanceof JsonNode node) {
            return toClient(node);
        } else if (value instanceof Map<?, ?> map) {
            JSONObject object = new JSONObject();
            map.forEach((key, item) -> put(object, String.valueOf(key), toClient(item)));
            return object;
        } else if (value instanceof Iterable<?> items) {
            JSONArray array = new JSONArray();
            items.forEach(item -> array.put(toClient(item)));
            return array;
        } else if (value instanceof Object[] items) {
            JSONArray array = new JSONArray();
            for (Object item : items) {
                array.put(toClient(item));
            }
            return array;
        }
        try {
            return toClient(MAPPER.valueToTree(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot send a " + value.getClass().getName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    /** The {@code auth} payload: the Java client's option is typed {@code Map<String, String>} but sent as JSON. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, String> auth(Map<String, ?> auth) {
        if (auth == null || auth.isEmpty()) {
            return null;
        }
        Map converted = new LinkedHashMap<String, Object>();
        auth.forEach((key, value) -> converted.put(key, toClient(value)));
        return converted;
    }

    private static Object toClient(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                JSONObject object = new JSONObject();
                node.properties().forEach(field -> put(object, field.getKey(), toClient(field.getValue())));
                return object;
            }
            case ARRAY -> {
                JSONArray array = new JSONArray();
                node.forEach(item -> array.put(toClient(item)));
                return array;
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NUMBER -> {
                return number(node);
            }
            case BINARY -> {
                return binary(node);
            }
            case POJO -> {
                return toClient(((POJONode) node).getPojo());
            }
            default -> {
                return JSONObject.NULL;
            }
        }
    }

    private static Object number(JsonNode node) {
        if (node.isInt()) {
            return node.intValue();
        } else if (node.isLong()) {
            return node.longValue();
        } else if (node.isBigInteger()) {
            BigInteger value = node.bigIntegerValue();
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        } else if (node.isBigDecimal()) {
            return node.decimalValue();
        }
        return node.doubleValue();
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable binary node", e);
        }
    }

    private static void put(JSONObject object, String key, Object value) {
        try {
            object.put(key, value);
        } catch (JSONException e) {
            // org.json refuses only a null key and non-finite numbers.
            throw new IllegalArgumentException("cannot send " + key + " = " + value + ": " + e.getMessage(), e);
        }
    }
}
