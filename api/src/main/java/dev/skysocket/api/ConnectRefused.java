package dev.skysocket.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Thrown by middleware to refuse a namespace; the client's {@code connect_error} gets message and data. */
public final class ConnectRefused extends Exception {
    private final transient JsonNode data;

    public ConnectRefused(String message) {
        this(message, null);
    }

    public ConnectRefused(String message, JsonNode data) {
        super(message, null, false, false);
        this.data = data;
    }

    public JsonNode data() {
        return data;
    }
}
