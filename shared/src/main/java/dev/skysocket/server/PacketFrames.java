package dev.skysocket.server;

import dev.skysocket.protocol.engineio.EngineIoEncoder;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.protocol.socketio.EncodedSocketPacket;
import dev.skysocket.protocol.socketio.SocketIoEncoder;
import dev.skysocket.protocol.socketio.SocketPacket;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes one Socket.IO packet into the Engine.IO text frames that carry it. Across the Management API every
 * frame is text: binary attachments travel as {@code b<base64>}, which every socket.io-client decodes on any
 * transport, and which API Gateway can carry.
 */
final class PacketFrames {
    private PacketFrames() {
    }

    static List<String> of(SocketPacket packet) {
        EncodedSocketPacket encoded = SocketIoEncoder.encode(packet);
        List<String> frames = new ArrayList<>(1 + encoded.attachments().size());
        frames.add(EngineIoEncoder.encode(new EnginePacket.Message(encoded.text())));
        for (byte[] attachment : encoded.attachments()) {
            frames.add(EngineIoEncoder.encode(new EnginePacket.BinaryMessage(attachment)));
        }
        OutboundLimit.check(describe(packet), frames);
        return frames;
    }

    private static String describe(SocketPacket packet) {
        return switch (packet.type()) {
            case EVENT, BINARY_EVENT -> "event '" + packet.data().path(0).asText() + "'";
            case ACK, BINARY_ACK -> "an ack";
            default -> "a " + packet.type() + " packet";
        };
    }
}
