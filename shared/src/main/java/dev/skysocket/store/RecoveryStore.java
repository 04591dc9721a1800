package dev.skysocket.store;

import java.util.Optional;

/**
 * Sockets kept after their transport dropped, until a reconnecting client takes them back or their TTL passes.
 * Kept apart from the live connection's items: a connection that never drops costs nothing here.
 */
public interface RecoveryStore {

    /** Keeps {@code session} until {@code expiresAtSeconds}; replaces a session kept under the same pid. */
    void keep(KeptSession session, long expiresAtSeconds);

    /**
     * Removes and returns the session kept under {@code pid}, unless its TTL has passed at {@code nowMillis}. At
     * most one caller gets it: two reconnects presenting one pid cannot both resume the socket.
     */
    Optional<KeptSession> take(String pid, long nowMillis);

    /**
     * The key private session ids are derived from, the same in every process of one deployment (so any Lambda
     * instance or gateway node can check a pid), created on first use.
     */
    byte[] pidKey();
}
