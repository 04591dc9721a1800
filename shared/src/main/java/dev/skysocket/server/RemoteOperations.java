package dev.skysocket.server;

import dev.skysocket.api.RemoteSocket;
import dev.skysocket.api.RoomQuotaExceededException;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.store.Member;
import dev.skysocket.store.SocketQueries;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Socket.IO's {@code fetchSockets}, {@code socketsJoin}, {@code socketsLeave} and {@code disconnectSockets} over a
 * selection's members, on both paths: each socket is acted on through the store and the Management API of the
 * endpoint it lives on, wherever this runs (a Lambda, a gateway node, a backend's emitter).
 */
final class RemoteOperations {
    private static final System.Logger LOG = System.getLogger(RemoteOperations.class.getName());
    private final ServerContext ctx;
    private final RemoteTargets targets;
    private final SocketQueries queries;

    RemoteOperations(ServerContext ctx, RemoteTargets targets) {
        this.ctx = ctx;
        this.targets = targets;
        // No shared read: the Socket.IO layer never scopes reads (that belongs to the inbound event path's wiring).
        this.queries = SocketQueries.over(ctx.connections(), ctx.sockets(), null);
    }

    List<RemoteSocket> fetchSockets() {
        List<RemoteSocket> found = new ArrayList<>();
        targets.forEachChunk(chunk -> chunk.forEach(member -> load(member).ifPresent(found::add)));
        return found;
    }

    /**
     * A socket the rooms-per-socket quota refuses keeps the rooms it had joined by then and is skipped, with one
     * log line (the quota counted the refusal): one full socket must not stop the join for the others.
     */
    void socketsJoin(String... rooms) {
        String[] checked = checked(rooms);
        targets.forEachChunk(chunk -> chunk.forEach(member -> load(member).ifPresent(socket -> {
            try {
                socket.join(checked);
            } catch (RoomQuotaExceededException refused) {
                LOG.log(Level.INFO, "event=quota_refused quota=rooms_per_socket op=socketsJoin namespace={0} "
                        + "socket={1} limit={2}", socket.namespace(), socket.id(), String.valueOf(refused.limit()));
            }
        })));
    }

    void socketsLeave(String... rooms) {
        String[] checked = checked(rooms);
        targets.forEachChunk(chunk -> chunk.forEach(member -> load(member)
                .ifPresent(socket -> socket.leave(checked))));
    }

    /**
     * With {@code closeTransport}, one Management API DELETE per connection (the member carries its endpoint, so
     * no read); otherwise each socket is loaded, sent Socket.IO's DISCONNECT and removed with its memberships.
     */
    void disconnectSockets(boolean closeTransport) {
        Set<String> closed = new HashSet<>();
        targets.forEachChunk(chunk -> chunk.forEach(member -> {
            if (!closeTransport) {
                load(member).ifPresent(socket -> socket.disconnect(false));
            } else if (closed.add(member.connectionId())) {
                ctx.control().close(new Recipient(member.connectionId(), member.endpoint()));
            }
        }));
    }

    /** As a remote socket, so a change made here reaches the owning endpoint's memory too. */
    private Optional<RemoteSocket> load(Member member) {
        return queries.find(member, targets.namespace())
                .map(loaded -> new StoredRemoteSocket(new SocketLifecycle(ctx).load(loaded.connection(),
                        loaded.socket()), ctx.control()));
    }

    private static String[] checked(String... rooms) {
        for (String room : rooms) {
            Rooms.checked(room);
        }
        return rooms.clone();
    }
}
