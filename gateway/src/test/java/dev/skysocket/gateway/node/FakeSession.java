package dev.skysocket.gateway.node;

import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.HandshakeRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory Engine.IO session: records what it was sent, can be made full, and remembers being closed. */
final class FakeSession implements EngineSession {
    private final String sid;
    private final HandshakeRequest handshake;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();
    private volatile boolean open = true;
    private volatile boolean full;
    private volatile String transport = "polling";

    FakeSession(Map<String, String> headers) {
        this.sid = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        this.handshake = new HandshakeRequest(headers, Map.of("EIO", "4", "transport", "polling"), "10.0.0.7",
                System.currentTimeMillis());
    }

    FakeSession() {
        this(Map.of("user-agent", "fake-agent", "origin", "https://app.example"));
    }

    @Override
    public String sid() {
        return sid;
    }

    @Override
    public String transport() {
        return transport;
    }

    void upgradeTo(String newTransport) {
        transport = newTransport;
    }

    @Override
    public HandshakeRequest handshake() {
        return handshake;
    }

    @Override
    public boolean send(String packet) {
        if (!open || full) {
            return false;
        }
        sent.add(packet);
        return true;
    }

    @Override
    public void close() {
        open = false;
        closes.incrementAndGet();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    void fillBuffer() {
        full = true;
    }

    List<String> sent() {
        return sent;
    }

    boolean closed() {
        return closes.get() > 0;
    }
}
