package dev.skysocket.gateway.node;

import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.management.ConnectionTargets;
import dev.skysocket.gateway.management.PostOutcome;
import dev.skysocket.store.RoomKey;
import dev.skysocket.store.RoomRegistrations;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * This node's open Engine.IO sessions as {@code @connections} targets: a post queues the body as one Engine.IO
 * packet; a session whose buffer is full answers 429, which the fan-out retries with backoff.
 */
public final class SessionTargets implements ConnectionTargets {
    private static final System.Logger LOG = System.getLogger(SessionTargets.class.getName());

    private final SessionDirectory sessions;
    private volatile Function<String, CompletionStage<Void>> refresh =
            sid -> CompletableFuture.completedFuture(null);
    private volatile RoomRegistrations rooms;

    public SessionTargets(SessionDirectory sessions) {
        this.sessions = sessions;
    }

    /** Set once the node's room index exists (it needs this listener's URL, so it is made after it starts). */
    void refreshWith(Function<String, CompletionStage<Void>> refresh) {
        this.refresh = refresh;
    }

    /** Set once the node's store exists, when the room directory is on: room notices go to its registrations. */
    void roomNoticesTo(RoomRegistrations registrations) {
        this.rooms = registrations;
    }

    @Override
    public void roomGained(String tenant, String namespace, String room, String endpoint) {
        RoomRegistrations registrations = rooms;
        if (registrations != null) {
            registrations.noticed(new RoomKey(tenant, namespace, room), endpoint);
        }
    }

    @Override
    public CompletionStage<Void> membershipsChanged(String sid) {
        return openSession(sid).isEmpty() ? CompletableFuture.completedFuture(null) : refresh.apply(sid);
    }

    @Override
    public CompletionStage<PostOutcome> post(String sid, byte[] data) {
        Optional<EngineSession> session = openSession(sid);
        if (session.isEmpty()) {
            return CompletableFuture.completedFuture(PostOutcome.GONE);
        }
        if (session.get().send(new String(data, StandardCharsets.UTF_8))) {
            return CompletableFuture.completedFuture(PostOutcome.DELIVERED);
        }
        // Closed between the look-up and the send, or a full buffer, as AWS answers for a client that does not read.
        return CompletableFuture.completedFuture(session.get().isOpen() ? PostOutcome.THROTTLED : PostOutcome.GONE);
    }

    @Override
    public Optional<Description> describe(String sid) {
        return sessions.find(sid).filter(live -> live.session().isOpen()).map(live -> new Description(
                Instant.ofEpochMilli(live.connectedAt()),
                live.session().handshake().remoteAddress(),
                live.session().handshake().headers().getOrDefault("user-agent", ""),
                Instant.ofEpochMilli(live.lastActiveAt())));
    }

    @Override
    public boolean close(String sid) {
        Optional<EngineSession> session = openSession(sid);
        if (session.isEmpty()) {
            return false;
        }
        // The engine reports the close through EngineListener.onClose, which ends the sockets and removes items.
        session.get().close();
        LOG.log(Level.DEBUG, "event=gateway_management_delete sid={0}", sid);
        return true;
    }

    private Optional<EngineSession> openSession(String sid) {
        return sessions.find(sid).map(SessionDirectory.LiveSession::session).filter(EngineSession::isOpen);
    }
}
