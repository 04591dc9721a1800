package dev.skysocket.store;

import java.util.Set;

/**
 * A socket whose transport dropped, kept for connection state recovery until its namespace's maximum
 * disconnection duration has passed.
 *
 * @param pid            the private session id the client presents to get it back
 * @param rooms          the rooms it had joined, not counting its own id room
 * @param dataJson       {@code socket.data} as JSON text
 * @param connectedAt    epoch ms the socket first joined the namespace
 * @param disconnectedAt epoch ms its transport was found gone
 */
public record KeptSession(String pid, String tenant, String namespace, String socketId, Set<String> rooms,
                          String dataJson, long connectedAt, long disconnectedAt) {
    public KeptSession {
        rooms = rooms == null ? Set.of() : Set.copyOf(rooms);
    }
}
