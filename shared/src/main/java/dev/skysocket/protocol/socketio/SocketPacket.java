package dev.skysocket.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;

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

    public boolean isEvent() {
        return type == SocketPacketType.EVENT || type == SocketPacketType.BINARY_EVENT;
    }

    public boolean isAck() {
        return type == SocketPacketType.ACK || type == SocketPacketType.BINARY_ACK;
    }
}
