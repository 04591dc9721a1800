package dev.skysocket.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.server.JsonValues;

/** The shape of the example app's error answers: {@code {"error": "..."}}. */
final class ChatErrors {
    private ChatErrors() {
    }

    static ObjectNode error(String message) {
        return JsonValues.object().put("error", message);
    }
}
