package dev.skysocket.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.Ack;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import java.lang.System.Logger.Level;

/**
 * What a client hears when its tenant is over its events-per-second quota: the event is not handled and the
 * connection stays. An event sent with a callback gets its ack with {@code {"error": "tenant quota exceeded",
 * "retryAfterMs": 1000}}, the error shape of the example app's answers; one without gets an {@code error} event
 * with that object. Neither is logged for connection state recovery nor seen by outgoing listeners: it is the
 * server's answer, not the app's.
 */
final class QuotaRefusal {
    static final String EVENT = "error";
    static final String MESSAGE = "tenant quota exceeded";
    private static final System.Logger LOG = System.getLogger(QuotaRefusal.class.getName());

    private QuotaRefusal() {
    }

    static void tell(StoredSocket socket, Ack ack) {
        Metrics.count(Metric.QUOTA_REFUSALS);
        LOG.log(Level.DEBUG, "event=quota_refusal tenant={0} socket={1}", socket.tenant(), socket.id());
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("error", MESSAGE).put("retryAfterMs", 1000);
        if (ack.requested()) {
            ack.send(error);
            return;
        }
        ArrayNode payload = JsonNodeFactory.instance.arrayNode().add(EVENT).add(error);
        socket.send(new SocketPacket(SocketPacketType.EVENT, socket.namespace(), null, payload, 0));
    }
}
