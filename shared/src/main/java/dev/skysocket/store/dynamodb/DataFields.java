package dev.skysocket.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code socket.data} in the socket item: a map attribute with one entry per top-level key of the data object, its
 * value that key's JSON text, so each key can be set or removed on its own by an update expression. Map keys are
 * the data's keys, except that a key that is empty or starts with {@code ~} gets a {@code ~} in front: an
 * expression attribute name cannot be empty.
 */
final class DataFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char ESCAPE = '~';

    private DataFields() {
    }

    static String fieldName(String key) {
        return key.isEmpty() || key.charAt(0) == ESCAPE ? ESCAPE + key : key;
    }

    static String key(String fieldName) {
        return fieldName.charAt(0) == ESCAPE ? fieldName.substring(1) : fieldName;
    }

    /** The map attribute holding the data object's JSON text; an empty map for null or a non-object. */
    static AttributeValue toMap(String dataJson) {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        JsonNode data = dataJson == null ? null : parse(dataJson);
        if (data instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> fields.put(fieldName(e.getKey()), Attributes.s(e.getValue().toString())));
        }
        return AttributeValue.fromM(fields);
    }

    /** The data object's JSON text from the map attribute. */
    static String toJson(AttributeValue map) {
        ObjectNode data = JSON.createObjectNode();
        map.m().forEach((field, value) -> data.set(key(field), parse(value.s())));
        return data.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored socket data is not JSON", e);
        }
    }
}
