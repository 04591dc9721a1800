package dev.skysocket.store;

import java.util.function.Supplier;

/**
 * How far one read of a connection's items may be shared: a caching concern of a store, apart from what it
 * stores. Only the inbound event path (the API Gateway routes, the heartbeat sweep) and a gateway node's own
 * sessions use it, through the store their wiring built.
 */
public interface ReadScope {
    /**
     * Runs {@code work}, during which this thread's reads of the connection and its sockets may share one read of
     * the store, valid until something writes to that connection. For one inbound event: it reads the connection,
     * then the socket its packet names.
     */
    <T> T withOneRead(String connectionId, Supplier<T> work);

    /**
     * Like {@link #withOneRead}, but the read may serve this connection's next calls too, until anything in this
     * process writes to the connection or {@link #releaseHeldRead} drops it. Only for a connection whose events
     * this process alone handles, one at a time (a gateway node's own session): other processes never write to
     * it while it is open.
     */
    <T> T withHeldRead(String connectionId, Supplier<T> work);

    /** The connection is over: its held read, if any, goes. */
    void releaseHeldRead(String connectionId);
}
