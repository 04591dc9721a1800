package dev.skysocket.api;

import java.time.Duration;

/**
 * Emits from outside any socket handler (a backend job, the publish endpoint):
 * {@code emitter.of("/").to("room").emit("news", item)}. Scoped to one tenant, so it can never reach another
 * tenant's rooms.
 */
public interface Emitter {

    /**
     * The whole namespace; narrow it with {@code to(...)}.
     *
     * @throws IllegalArgumentException when the name does not start with {@code /}
     */
    BroadcastOperator of(String namespace);

    /**
     * Revokes a user of this tenant: every open connection of the user, on every path and gateway node, is closed
     * (each of its sockets first gets Socket.IO's DISCONNECT, which the stock client reports as
     * {@code "io server disconnect"}), and a new connection of the user is refused until {@code refuseFor} has
     * passed: its namespace CONNECT gets {@code connect_error} with message {@code "revoked"}. Returns once the
     * closes are sent, after a second look at the user's connections about a second after the first (the user
     * index is eventually consistent), so the call takes that long; the number of connections closed.
     *
     * @param user      the user id the connection's identity carries ({@link Socket#user()})
     * @param refuseFor how long new connections are refused; {@link Duration#ZERO} closes without refusing
     * @throws IllegalArgumentException when the user is null or blank or the duration negative
     */
    int revoke(String user, Duration refuseFor);

    /** {@link #revoke(String, Duration)} for the configured default ({@code skysocket.revocation-ms}, one hour). */
    int revoke(String user);
}
