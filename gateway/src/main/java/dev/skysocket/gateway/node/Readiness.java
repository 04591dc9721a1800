package dev.skysocket.gateway.node;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Whether this node takes new sessions: read by {@code /health} (the ALB's check) and by the engine's handshake
 * admission, turned off once by {@link DrainController}. It never turns back on: a draining task is on its way
 * out (ECS replaces it).
 */
public final class Readiness implements BooleanSupplier {
    private final AtomicBoolean ready = new AtomicBoolean(true);

    public boolean isReady() {
        return ready.get();
    }

    @Override
    public boolean getAsBoolean() {
        return ready.get();
    }

    /** Turns readiness off; true for the caller that actually changed it. */
    boolean markDraining() {
        return ready.compareAndSet(true, false);
    }
}
