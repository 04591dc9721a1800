package dev.skysocket.gateway.engine;

/** Thrown by {@link EngineListener#onOpen} to refuse a session. */
public final class HandshakeRefused extends Exception {
    public HandshakeRefused(String message) {
        super(message, null, false, false);
    }
}
