package dev.skysocket.fanout;

/** Where one frame goes: a connection and the Management API base URL that reaches it. */
public record Recipient(String connectionId, String endpoint) {
}
