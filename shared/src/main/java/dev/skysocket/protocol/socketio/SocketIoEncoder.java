package dev.skysocket.protocol.socketio;

/** Encodes Socket.IO v5 packets; binary nodes in the data become placeholders plus attachments. */
public final class SocketIoEncoder {
    private SocketIoEncoder() {
    }

    public static EncodedSocketPacket encode(SocketPacket packet) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
