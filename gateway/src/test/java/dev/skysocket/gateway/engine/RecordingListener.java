package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.engineio.EnginePacket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the engine reports; refuses handshakes while {@link #refuse} is set and fails them, as a store
 * outage would, while {@link #fail} is set.
 */
public class RecordingListener implements EngineListener {
    public final List<EngineSession> opened = new CopyOnWriteArrayList<>();
    public final List<EnginePacket> messages = new CopyOnWriteArrayList<>();
    public final List<EngineCloseReason> closes = new CopyOnWriteArrayList<>();
    public final List<String> upgrades = new CopyOnWriteArrayList<>();
    public volatile boolean refuse;
    public volatile boolean fail;

    @Override
    public void onOpen(EngineSession session) throws HandshakeRefused {
        if (refuse) {
            throw new HandshakeRefused("not today");
        }
        if (fail) {
            throw new IllegalStateException("store unavailable");
        }
        opened.add(session);
    }

    @Override
    public void onMessage(EngineSession session, EnginePacket message) {
        messages.add(message);
    }

    @Override
    public void onUpgrade(EngineSession session) {
        upgrades.add(session.transport());
    }

    @Override
    public void onClose(EngineSession session, EngineCloseReason reason) {
        closes.add(reason);
    }
}
