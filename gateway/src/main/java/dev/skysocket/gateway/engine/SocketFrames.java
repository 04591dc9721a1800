package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EngineIoDecoder;
import dev.skysocket.protocol.engineio.EnginePacket;

/**
 * What one websocket of a session receives, decoded: every frame is one Engine.IO packet (Engine.IO v4
 * §WebSocket, no batching); a frame that does not decode is reported as such.
 */
final class SocketFrames implements WebSocketInbound {
    private final WebSocketTransport transport;
    private final WebSocketChannel channel;
    private final EngineIoDecoder decoder;

    SocketFrames(WebSocketTransport transport, WebSocketChannel channel, EngineIoDecoder decoder) {
        this.transport = transport;
        this.channel = channel;
        this.decoder = decoder;
    }

    @Override
    public void text(String frame) {
        EnginePacket packet;
        try {
            packet = decoder.decode(frame);
        } catch (ProtocolException e) {
            transport.malformed(channel, e);
            return;
        }
        transport.packet(channel, packet);
    }

    @Override
    public void binary(byte[] frame) {
        EnginePacket packet;
        try {
            packet = decoder.decode(frame);
        } catch (ProtocolException e) {
            transport.malformed(channel, e);
            return;
        }
        transport.packet(channel, packet);
    }

    @Override
    public void closed() {
        transport.closed(channel);
    }
}
