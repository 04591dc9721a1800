package dev.skysocket.store;

/**
 * One awaited answer: the ack id a server emit carried, to one socket (its connection and namespace). The client
 * answers with the same id on the same connection and namespace, so the three together name the answer.
 */
public record AckKey(String connectionId, String namespace, long id) {
}
