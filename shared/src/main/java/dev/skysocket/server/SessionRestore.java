package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.Handshake;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.KeptSession;
import dev.skysocket.store.SocketRecord;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CONNECT that brings a kept socket back: the socket is stored again on the new connection with its id, rooms
 * and data, the client gets CONNECT with the same sid and pid, then every logged packet it missed, in order.
 */
final class SessionRestore {
    private static final System.Logger LOG = System.getLogger(SessionRestore.class.getName());
    private final ServerContext ctx;
    private final SessionKeeping keeping;
    private final ReplayLog log;

    SessionRestore(ServerContext ctx) {
        this.ctx = ctx;
        this.keeping = new SessionKeeping(ctx);
        this.log = new ReplayLog(ctx);
    }

    /** The restored socket, connected and caught up, or empty when the auth payload asks back nothing valid. */
    Optional<StoredSocket> restore(ConnectionRecord connection, String namespace, JsonNode auth, Handshake handshake) {
        Optional<KeptSession> found = keeping.take(connection.tenant(), namespace, auth);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KeptSession kept = found.get();
        JsonNode offset = auth.get("offset");
        // No offset: the client never got a replayable packet, so everything since the socket connected is missed.
        String after = offset != null && Offsets.valid(offset.asText()) ? offset.asText()
                : Offsets.floor(kept.connectedAt());
        Set<String> rooms = new LinkedHashSet<>(kept.rooms());
        rooms.add(Rooms.EVERYONE);
        SocketRecord stored = new SocketRecord(connection.connectionId(), namespace, kept.socketId(), kept.tenant(),
                rooms, kept.dataJson(), JsonValues.write(auth), kept.connectedAt());
        // Packets logged from here on find the socket's memberships and reach it live; the replay stops here.
        String upTo = Offsets.next(ctx.now());
        ctx.sockets().putSocket(stored);
        List<String> memberships = new ArrayList<>(rooms);
        memberships.add(0, kept.socketId());
        ctx.rooms().addMemberships(stored, connection.endpoint(), memberships, connection.expiresAt());
        StoredSocket socket = new StoredSocket(ctx, connection, stored, handshake, true);
        socket.markRecovered();

        ObjectNode answer = JsonValues.object().put("sid", kept.socketId()).put("pid", kept.pid());
        socket.send(SocketPacket.of(SocketPacketType.CONNECT, namespace, answer));
        List<String> missed = log.missed(kept, after, upTo);
        if (!missed.isEmpty()) {
            ctx.fanout().deliver(missed, List.of(socket.recipient()));
        }
        LOG.log(Level.INFO, "event=socket_recovered namespace={0} socket={1} connection={2} replayed_frames={3}",
                namespace, kept.socketId(), connection.connectionId(), missed.size());
        return Optional.of(socket);
    }

    /** The pid a new socket's CONNECT answer carries, when its namespace recovers sockets. */
    Optional<String> pidFor(SocketRecord socket) {
        if (log.durationMs(socket.namespace()) == 0) {
            return Optional.empty();
        }
        return Optional.of(keeping.pid(socket.tenant(), socket.namespace(), socket.socketId()));
    }
}
