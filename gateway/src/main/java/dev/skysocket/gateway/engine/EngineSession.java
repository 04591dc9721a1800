package dev.skysocket.gateway.engine;

/**
 * One Engine.IO session as the layers above see it: a sid, a way to send packets, a way to close. Which
 * transport carries it (polling, websocket, mid-upgrade) is the engine's business.
 */
public interface EngineSession {

    /** The session id, also the connection id in the store. */
    String sid();

    /** "polling" or "websocket": the transport in use now. */
    String transport();

    /** Request data of the handshake (headers lower-cased, query, remote address). */
    HandshakeRequest handshake();

    /**
     * Queues one Engine.IO packet in text form ({@code 42[...]}, {@code b<base64>} for binary) for the client.
     * Never blocks; false when the session is closed or its buffer is over the limit.
     */
    boolean send(String packet);

    /**
     * Sends one packet only if the transport can take it now (Socket.IO's volatile packets): on polling only
     * while a GET is waiting, on a websocket only while its write queue has room. False when it was dropped.
     */
    default boolean sendVolatile(String packet) {
        return send(packet);
    }

    /** Closes the session: the client sees its transport close and reconnects by itself. */
    void close();

    boolean isOpen();
}
