package dev.skysocket.protocol.socketio;

import dev.skysocket.protocol.CodecLimits;
import java.util.List;

/**
 * Decodes Socket.IO v5 packets sent by a client. Strict: reserved event names, client-impossible types,
 * oversized ack ids and attachment counts are refused before anything is allocated for them.
 */
public final class SocketIoDecoder {
    private final CodecLimits limits;

    public SocketIoDecoder(CodecLimits limits) {
        this.limits = limits;
    }

    /**
     * Decodes one packet's text. For BINARY_EVENT/BINARY_ACK the result is a header: {@code attachments() > 0}
     * and {@code data()} still holds {@code {"_placeholder":true,"num":n}} objects; pass it to
     * {@link #reconstruct} once every attachment has arrived.
     */
    public SocketPacket decode(String text) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Replaces each placeholder by its attachment; refuses placeholders of the wrong type or out of range. */
    public SocketPacket reconstruct(SocketPacket header, List<byte[]> attachments) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
