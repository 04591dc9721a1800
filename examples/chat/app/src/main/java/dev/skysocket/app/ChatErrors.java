package dev.skysocket.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shape of the example app's error answers: {@code {"error": "..."}}. */
final class ChatErrors {
    private ChatErrors() {
    }

    static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }
}
