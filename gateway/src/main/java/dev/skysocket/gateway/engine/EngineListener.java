package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.engineio.EnginePacket;

/**
 * What the Engine.IO server tells the layer above. Called on a worker thread, never on an event loop, one call
 * at a time per session and in order, so a slow handler holds up only its own session.
 */
public interface EngineListener {

    /**
     * A client completed the handshake. Throw {@link HandshakeRefused} to refuse it (HTTP 403 with Engine.IO error
     * code 4) before the open packet is sent.
     */
    void onOpen(EngineSession session) throws HandshakeRefused;

    /** One MESSAGE packet (text, or binary) from the client. */
    void onMessage(EngineSession session, EnginePacket message);

    /**
     * The session switched to another transport (polling to websocket, Engine.IO v4 §Upgrade); {@link
     * EngineSession#transport()} says which. Nothing to do by default.
     */
    default void onUpgrade(EngineSession session) {
    }

    /** The session is over, for {@code reason}; called only for a session whose {@link #onOpen} accepted it. */
    void onClose(EngineSession session, EngineCloseReason reason);
}
