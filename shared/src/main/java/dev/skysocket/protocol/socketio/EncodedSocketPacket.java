package dev.skysocket.protocol.socketio;

import java.util.List;

/** A packet's text form plus the binary attachments that follow it, in order. */
public record EncodedSocketPacket(String text, List<byte[]> attachments) {
    public EncodedSocketPacket {
        attachments = List.copyOf(attachments);
    }
}
