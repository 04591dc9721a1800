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
}
