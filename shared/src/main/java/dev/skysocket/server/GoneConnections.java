package dev.skysocket.server;

import dev.skysocket.fanout.GoneListener;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.PresenceRooms;
import dev.skysocket.store.SocketRecord;
import java.util.List;
import java.util.Optional;

/**
 * The prune behind a 410 during fan-out: the connection vanished without a {@code $disconnect} anyone saw. Its
 * items go as they always did, without disconnect handlers (the client is unreachable: STYLE 9), but its
 * presence entries end through the same path as a disconnect's, so the room's other watchers hear {@code left}.
 */
public final class GoneConnections implements GoneListener {
    private final ServerContext ctx;

    public GoneConnections(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onGone(Recipient recipient) {
        String connectionId = recipient.connectionId();
        try {
            leavePresence(connectionId);
        } finally {
            ctx.connections().remove(connectionId); // whatever presence did: the prune is what a 410 promises
        }
    }

    private void leavePresence(String connectionId) {
        List<SocketRecord> sockets = ctx.sockets().sockets(connectionId);
        // Only a presence member needs its connection read: any other 410 costs one Query more than before.
        if (sockets.stream().noneMatch(GoneConnections::holdsPresence)) {
            return;
        }
        Optional<ConnectionRecord> connection = ctx.connections().find(connectionId);
        if (connection.isEmpty()) {
            return;
        }
        SocketLifecycle lifecycle = new SocketLifecycle(ctx);
        SocketPresence presence = new SocketPresence(ctx);
        for (SocketRecord socket : sockets) {
            // Still in its rooms, as on a disconnect: the listener's socket.to(room) reaches the others.
            presence.leaveAll(lifecycle.load(connection.get(), socket));
        }
    }

    private static boolean holdsPresence(SocketRecord socket) {
        return socket.rooms().stream().anyMatch(PresenceRooms::isMarker);
    }
}
