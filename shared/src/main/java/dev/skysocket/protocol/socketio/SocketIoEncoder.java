package dev.skysocket.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes Socket.IO v5 packets; binary nodes in the data become placeholders plus attachments. The text matches
 * socket.io-parser's encoder: {@code <type>[<n>-][<nsp>,][<ackId>][JSON]}, namespace "/" left out.
 */
public final class SocketIoEncoder {
    private SocketIoEncoder() {
    }

    /**
     * The packet's type follows its content, as in the reference encoder: an EVENT or ACK whose data holds a
     * {@code BinaryNode} goes out as BINARY_EVENT/BINARY_ACK, and a binary type without one as plain EVENT/ACK.
     *
     * @throws IllegalArgumentException for a packet the server cannot mean to send: a binary header that was
     *                                  never reconstructed, bytes in a CONNECT/DISCONNECT/CONNECT_ERROR, or a
     *                                  namespace the wire cannot carry
     */
    public static EncodedSocketPacket encode(SocketPacket packet) {
        // The wire has no escape for ',' in a namespace (Socket.IO v5 §Format).
        if (!packet.namespace().startsWith("/") || packet.namespace().indexOf(',') >= 0) {
            throw new IllegalArgumentException("a namespace starts with '/' and holds no ','");
        }
        SocketPacketType type = packet.type();
        JsonNode data = packet.data();
        List<byte[]> attachments = List.of();
        boolean binary = data != null && Placeholders.containsBinary(data);
        if (binary) {
            if (!packet.isEvent() && !packet.isAck()) {
                throw new IllegalArgumentException(type + " cannot carry binary data");
            }
            attachments = new ArrayList<>();
            data = Placeholders.extract(data, attachments);
            type = packet.isEvent() ? SocketPacketType.BINARY_EVENT : SocketPacketType.BINARY_ACK;
        } else if (type.isBinary()) {
            if (packet.attachments() > 0) {
                throw new IllegalArgumentException("reconstruct a binary packet before encoding it");
            }
            type = packet.isEvent() ? SocketPacketType.EVENT : SocketPacketType.ACK;
        }

        StringBuilder text = new StringBuilder(32);
        text.append(type.wire());
        if (binary) {
            text.append(attachments.size()).append('-');
        }
        if (!"/".equals(packet.namespace())) {
            text.append(packet.namespace()).append(',');
        }
        if (packet.ackId() != null) {
            text.append(packet.ackId().longValue());
        }
        if (data != null) {
            text.append(SocketIoJson.write(data));
        }
        return new EncodedSocketPacket(text.toString(), attachments);
    }
}
