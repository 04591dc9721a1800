package dev.skysocket.fanout;

import java.util.Objects;

/**
 * A {@link GoneListener} whose target is set after the fan-out is built: the prune that announces presence needs
 * the Socket.IO layer, which itself needs the fan-out. Until then (and if never set) {@code initial} prunes.
 */
public final class GoneRelay implements GoneListener {
    private volatile GoneListener target;

    public GoneRelay(GoneListener initial) {
        this.target = Objects.requireNonNull(initial);
    }

    /** From now on a 410 goes to {@code next}. */
    public void forwardTo(GoneListener next) {
        this.target = Objects.requireNonNull(next);
    }

    @Override
    public void onGone(Recipient recipient) {
        target.onGone(recipient);
    }
}
