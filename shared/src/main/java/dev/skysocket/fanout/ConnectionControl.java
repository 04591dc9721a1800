package dev.skysocket.fanout;

import java.util.Optional;

/** Single-connection Management API calls: post one frame, ask whether it exists, close it. */
public interface ConnectionControl {

    /** Posts one frame; false when the connection is gone (410). */
    boolean post(Recipient recipient, String frame);

    /** GET @connections/{id}: present when the connection exists. */
    Optional<ConnectionInfo> get(Recipient recipient);

    /** DELETE @connections/{id}; false when it was already gone. */
    boolean close(Recipient recipient);

    /**
     * Tells the endpoint that owns the connection that its rooms changed in the store, so an endpoint holding them
     * in memory (a gateway node) re-reads them before this returns. Nothing reaches the client. Best effort: a
     * failure is the caller's to log, not to fail on. Nothing to tell by default.
     */
    default void membershipsChanged(Recipient recipient) {
    }
}
