package dev.skysocket.fanout;

import java.util.Collection;
import java.util.List;

/** Delivers already-encoded frames to many connections. */
public interface Fanout {

    /**
     * Posts every frame, in order, to every recipient, and waits for the outcome. The same bytes go to every
     * recipient; frames of one call reach one recipient in the order given.
     */
    FanoutReport deliver(List<String> frames, Collection<Recipient> recipients);

    /**
     * As {@link #deliver}, for Socket.IO's volatile emits: a recipient that cannot take the frames now is counted
     * failed and dropped, never retried or queued. The default is {@link #deliver}, for fan-outs with nothing to
     * retry.
     */
    default FanoutReport deliverVolatile(List<String> frames, Collection<Recipient> recipients) {
        return deliver(frames, recipients);
    }
}
