package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.bool;
import static dev.skysocket.store.dynamodb.Attributes.n;
import static dev.skysocket.store.dynamodb.Attributes.s;
import static dev.skysocket.store.dynamodb.DynamoSchema.AWAITING_PONG;
import static dev.skysocket.store.dynamodb.DynamoSchema.OPENED;
import static dev.skysocket.store.dynamodb.DynamoSchema.OPEN_CLAIM_UNTIL;
import static dev.skysocket.store.dynamodb.DynamoSchema.PING_DUE_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.TRANSPORT;
import static dev.skysocket.store.dynamodb.DynamoSchema.connectionKey;

import java.util.Map;

/**
 * The connection item's open and heartbeat state: each change is one conditional UpdateItem on a live item, so
 * that of two handlers racing for the same step (sending the open packet, sending a ping) exactly one wins.
 * False means the item is gone or the condition did not hold.
 */
final class ConnectionClaims {
    private final LiveUpdates liveUpdates;

    ConnectionClaims(LiveUpdates liveUpdates) {
        this.liveUpdates = liveUpdates;
    }

    boolean markOpened(String connectionId) {
        return liveUpdates.update(connectionKey(connectionId), "SET #opened = :true", "#opened = :false",
                Map.of("#opened", OPENED), Map.of(":true", bool(true), ":false", bool(false)));
    }

    /** Leases the right to send the open packet until {@code leaseUntil} (epoch ms) unless already opened. */
    boolean claimOpen(String connectionId, long now, long leaseUntil) {
        return liveUpdates.update(connectionKey(connectionId), "SET #claim = :until",
                "#opened = :false AND (attribute_not_exists(#claim) OR #claim < :nowMs)",
                Map.of("#opened", OPENED, "#claim", OPEN_CLAIM_UNTIL),
                Map.of(":until", n(leaseUntil), ":false", bool(false), ":nowMs", n(now)));
    }

    boolean updateTransport(String connectionId, String transport) {
        return liveUpdates.update(connectionKey(connectionId), "SET #transport = :transport", null,
                Map.of("#transport", TRANSPORT), Map.of(":transport", s(transport)));
    }

    boolean recordPong(String connectionId, long nextPingDueAt) {
        return liveUpdates.update(connectionKey(connectionId), "SET #due = :due, #awaiting = :false", null,
                Map.of("#due", PING_DUE_AT, "#awaiting", AWAITING_PONG),
                Map.of(":due", n(nextPingDueAt), ":false", bool(false)));
    }

    boolean recordPingSent(String connectionId, long pongDeadline) {
        return liveUpdates.update(connectionKey(connectionId), "SET #due = :due, #awaiting = :true", null,
                Map.of("#due", PING_DUE_AT, "#awaiting", AWAITING_PONG),
                Map.of(":due", n(pongDeadline), ":true", bool(true)));
    }

    /** Takes a due ping for this sender: only when no pong is awaited and {@code pingDueAt} has passed. */
    boolean claimPing(String connectionId, long now, long pongDeadline) {
        return liveUpdates.update(connectionKey(connectionId), "SET #due = :due, #awaiting = :true",
                "#awaiting = :false AND #due <= :nowMs",
                Map.of("#due", PING_DUE_AT, "#awaiting", AWAITING_PONG),
                Map.of(":due", n(pongDeadline), ":true", bool(true), ":false", bool(false), ":nowMs", n(now)));
    }

    /** Moves an awaited pong's deadline later: only while a pong is awaited, never earlier. */
    boolean extendPongDeadline(String connectionId, long pongDeadline) {
        return liveUpdates.update(connectionKey(connectionId), "SET #due = :due", "#awaiting = :true AND #due < :due",
                Map.of("#due", PING_DUE_AT, "#awaiting", AWAITING_PONG),
                Map.of(":due", n(pongDeadline), ":true", bool(true)));
    }
}
