package dev.skysocket.store;

/** One room of one namespace of one tenant: what a room's directory entry and notices are about. */
public record RoomKey(String tenant, String namespace, String room) {
}
