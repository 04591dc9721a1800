package dev.skysocket.gateway.node;

import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.HandshakeRequest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory session that remembers when (System.nanoTime) and how often it was closed; can hang on close. */
final class ClockedSession implements EngineSession {
    private final String sid = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    private final AtomicInteger closes = new AtomicInteger();
    private final CountDownLatch hang;
    private volatile boolean open = true;
    private volatile long closedAtNanos;

    ClockedSession() {
        this(null);
    }

    /** close() waits for {@code hang} (up to 30 s) before it returns. */
    ClockedSession(CountDownLatch hang) {
        this.hang = hang;
    }

    @Override
    public String sid() {
        return sid;
    }

    @Override
    public String transport() {
        return "polling";
    }

    @Override
    public HandshakeRequest handshake() {
        return new HandshakeRequest(Map.of(), Map.of("EIO", "4", "transport", "polling"), "10.0.0.7", 0);
    }

    @Override
    public boolean send(String packet) {
        return open;
    }

    @Override
    public void close() {
        if (hang != null) {
            try {
                hang.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closedAtNanos = System.nanoTime();
        open = false;
        closes.incrementAndGet();
    }

    /** Client-side leave: closed without the drain. */
    void leave() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    int closes() {
        return closes.get();
    }

    long closedAtNanos() {
        return closedAtNanos;
    }
}
