package dev.skysocket.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Socket.IO v5 packet.
 *
 * @param namespace   always starts with "/"; "/" when the wire omits it
 * @param ackId       null when no ack is requested
 * @param data        null when the packet has no payload; binary parts are {@code BinaryNode}s once reassembled
 * @param attachments number of binary attachments announced by a BINARY_EVENT/BINARY_ACK header, else 0
 */
public record SocketPacket(SocketPacketType type, String namespace, Long ackId, JsonNode data, int attachments) {

    public SocketPacket {
        if (type == null || namespace == null) {
            throw new IllegalArgumentException("type and namespace are required");
        }
    }

    public static SocketPacket of(SocketPacketType type, String namespace, JsonNode data) {
        return new SocketPacket(type, namespace, null, data, 0);
    }

    /** The server's answer to a CONNECT: {@code 40{"sid":"..."}} (Socket.IO v5 §CONNECT). */
    public static SocketPacket connect(String namespace, String sid) {
        return of(SocketPacketType.CONNECT, namespace, JsonNodeFactory.instance.objectNode().put("sid", sid));
    }

    /** A refused CONNECT: {@code 44{"message":"...","data":...}}; {@code data} is left out when null. */
    public static SocketPacket connectError(String namespace, String message, JsonNode data) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("message", message);
        if (data != null) {
            payload.set("data", data);
        }
        return of(SocketPacketType.CONNECT_ERROR, namespace, payload);
    }

    public static SocketPacket disconnect(String namespace) {
        return of(SocketPacketType.DISCONNECT, namespace, null);
    }

    /** An event {@code [name, ...args]}; binary nodes in it make it a BINARY_EVENT when encoded. */
    public static SocketPacket event(String namespace, Long ackId, ArrayNode nameAndArgs) {
        return new SocketPacket(SocketPacketType.EVENT, namespace, ackId, nameAndArgs, 0);
    }

    /** The answer to an event that asked for an ack. */
    public static SocketPacket ack(String namespace, long ackId, ArrayNode args) {
        return new SocketPacket(SocketPacketType.ACK, namespace, ackId, args, 0);
    }

    /** Leaves the payload out, so a packet is safe to log (DESIGN §9). */
    @Override
    public String toString() {
        String shape = data == null ? "none" : data.getNodeType().name().toLowerCase() + "(" + data.size() + ")";
        return "SocketPacket[type=" + type + ", namespace=" + namespace + ", ackId=" + ackId + ", data=" + shape
                + ", attachments=" + attachments + "]";
    }

    public boolean isEvent() {
        return type == SocketPacketType.EVENT || type == SocketPacketType.BINARY_EVENT;
    }

    public boolean isAck() {
        return type == SocketPacketType.ACK || type == SocketPacketType.BINARY_ACK;
    }
}
