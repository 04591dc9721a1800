package dev.skysocket.server;

import dev.skysocket.api.PresenceChange;
import dev.skysocket.api.PresenceHandler;
import dev.skysocket.api.PresenceMember;
import dev.skysocket.store.PresenceRooms;
import dev.skysocket.store.PresenceStore;
import dev.skysocket.store.PresenceStore.PresenceKey;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * A socket's presence memberships ({@code socket.joinPresence}): the room, a marker room in the socket's stored
 * rooms naming the member, and the member's entry in the store, whose first and last socket decide when the
 * namespace's presence listeners hear {@code joined} and {@code left}. Every way a socket leaves a room or its
 * namespace comes through here, a 410 during fan-out too ({@link GoneConnections}, which runs no other handler);
 * the store's removal cascade clears whatever a crash left behind, silently.
 */
final class SocketPresence {
    private static final System.Logger LOG = System.getLogger(SocketPresence.class.getName());
    private final ServerContext ctx;

    SocketPresence(ServerContext ctx) {
        this.ctx = ctx;
    }

    void join(StoredSocket socket, String room) {
        Rooms.checked(room);
        if (!socket.connected()) {
            // Middleware runs before the socket is stored: a presence entry then could outlive a refusal.
            throw new IllegalStateException("joinPresence needs an admitted socket: call it from a connection "
                    + "or event handler, not from middleware");
        }
        socket.join(room);
        String memberId = memberId(socket);
        String marker = PresenceRooms.marker(room, memberId);
        if (socket.record().rooms().contains(marker)) {
            return; // a member already: joining twice announces nothing
        }
        socket.joinChecked(marker); // first, so a removal racing this one finds the entry through it
        enter(socket, room, memberId);
    }

    /** A kept socket came back (connection state recovery): it takes its presence entries up again. */
    void rejoinAll(StoredSocket socket) {
        for (String stored : socket.record().rooms()) {
            PresenceRooms.parse(stored).ifPresent(marker -> enter(socket, marker.room(), marker.memberId()));
        }
    }

    /** Before {@code socket.leave(room)}: ends its presence in that room, if it had any. */
    void leave(StoredSocket socket, String room) {
        if (!socket.connected() || PresenceRooms.isMarker(room)) {
            return;
        }
        for (String stored : List.copyOf(socket.record().rooms())) {
            PresenceRooms.parse(stored).filter(marker -> marker.room().equals(room)).ifPresent(marker -> {
                exit(socket, marker);
                socket.leave(stored);
            });
        }
    }

    /** The socket leaves its namespace: every presence entry it holds ends; the markers go with its items. */
    void leaveAll(StoredSocket socket) {
        for (String stored : socket.record().rooms()) {
            PresenceRooms.parse(stored).ifPresent(marker -> exit(socket, marker));
        }
    }

    List<PresenceMember> members(StoredSocket socket, String room) {
        Rooms.checked(room);
        return store().members(socket.tenant(), socket.namespace(), room).stream()
                .map(entry -> PresenceInfo.read(entry.memberId(), entry.userJson()))
                .toList();
    }

    private void enter(StoredSocket socket, String room, String memberId) {
        PresenceMember member = PresenceInfo.of(socket, memberId);
        if (store().join(key(socket, room, memberId), socket.id(), PresenceInfo.write(member),
                socket.connection().expiresAt())) {
            announce(socket, new PresenceChange(room, member, PresenceChange.State.JOINED));
        }
    }

    private void exit(StoredSocket socket, PresenceRooms.Marker marker) {
        if (store().leave(key(socket, marker.room(), marker.memberId()), socket.id())) {
            announce(socket, new PresenceChange(marker.room(), PresenceInfo.of(socket, marker.memberId()),
                    PresenceChange.State.LEFT));
        }
    }

    private void announce(StoredSocket socket, PresenceChange change) {
        ctx.io().declared(socket.namespace()).ifPresent(namespace -> {
            for (PresenceHandler handler : namespace.presenceHandlers()) {
                try {
                    handler.onPresence(socket, change);
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "event=handler_failed handler=presence namespace={0} socket={1} error={2}",
                            socket.namespace(), socket.id(), e.getClass().getName());
                }
            }
        });
    }

    /** The user id when the identity names a user (one entry across their sockets), else the socket id. */
    static String memberId(StoredSocket socket) {
        return socket.user() != null ? socket.user() : socket.id();
    }

    private PresenceStore store() {
        return ctx.rooms().presence();
    }

    private static PresenceKey key(StoredSocket socket, String room, String memberId) {
        return new PresenceKey(socket.tenant(), socket.namespace(), room, memberId);
    }
}
