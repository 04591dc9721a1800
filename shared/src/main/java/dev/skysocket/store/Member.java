package dev.skysocket.store;

/** A socket in a room: everything fan-out needs, so a broadcast needs no per-recipient lookup. */
public record Member(String socketId, String connectionId, String endpoint) {
}
