package dev.skysocket.store;

import java.util.OptionalLong;

/**
 * Users whose new connections are refused until a time: what a revocation leaves behind once it has closed the
 * user's open connections. Read at every namespace CONNECT of a connection that has a user.
 */
public interface RevocationStore {

    /**
     * Refuses the user's new connections until {@code untilMs} (epoch ms). A later refusal already stored is kept:
     * a shorter revocation never shortens a longer one.
     */
    void revoke(String tenant, String user, long untilMs);

    /** Until when the user's new connections are refused (epoch ms), read strongly consistent; empty when not. */
    OptionalLong revokedUntil(String tenant, String user);
}
