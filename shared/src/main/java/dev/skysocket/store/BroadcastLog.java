package dev.skysocket.store;

import java.util.List;

/**
 * The replayable packets of one namespace, one item per emit or broadcast whatever the number of recipients,
 * ordered by offset. Kept only as long as a dropped socket may come back.
 */
public interface BroadcastLog {

    /** Records one packet until {@code expiresAtSeconds}. */
    void append(String tenant, String namespace, LoggedPacket packet, long expiresAtSeconds);

    /**
     * The packets with an offset above {@code after} and at most {@code upTo}, in offset order, whose TTL has not
     * passed at {@code nowMillis}. Read page by page; never a Scan.
     */
    List<LoggedPacket> between(String tenant, String namespace, String after, String upTo, long nowMillis);
}
