package dev.skysocket.store;

import java.util.Set;

/**
 * A Socket.IO socket: one connection joined to one namespace.
 *
 * @param rooms    the rooms joined, not counting the socket's own id room
 * @param dataJson {@code socket.data} as JSON text
 * @param authJson the CONNECT packet's auth payload as JSON text, or null
 */
public record SocketRecord(String connectionId, String namespace, String socketId, String tenant,
                           Set<String> rooms, String dataJson, String authJson, long connectedAt) {
    public SocketRecord {
        rooms = rooms == null ? Set.of() : Set.copyOf(rooms);
    }

    /** The same socket with another room set. */
    public SocketRecord withRooms(Set<String> newRooms) {
        return new SocketRecord(connectionId, namespace, socketId, tenant, newRooms, dataJson, authJson, connectedAt);
    }
}
