package dev.skysocket.gateway.management;

/**
 * A listener serving the {@code @connections} route over some {@link ConnectionTargets}. A gateway node starts it
 * before any session opens (the URL stored on its sessions must answer) and closes it when it stops; the HTTP
 * binding implements it, so the node names no HTTP type.
 */
public interface ManagementListener extends AutoCloseable {

    /** Binds and serves {@code targets}; returns the bound port once it accepts requests. */
    int start(ConnectionTargets targets);

    /** The bound port; fails before {@link #start}. */
    int port();

    /** Stops listening; does nothing when not started. */
    @Override
    void close();
}
