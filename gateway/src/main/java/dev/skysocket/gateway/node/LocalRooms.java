package dev.skysocket.gateway.node;

import dev.skysocket.store.Member;
import dev.skysocket.store.RoomKey;
import dev.skysocket.store.SocketRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The room memberships of this node's own sockets, held in memory beside the store. Every join, leave and socket
 * removal of a session this node owns runs here (its packets are handled only by its owner, forwarded if they
 * land elsewhere), so the index is written through on each and a broadcast finds local members without reading
 * them back. The store stays the truth for every other node and for Lambda.
 * A membership is only indexed for a socket that is live here, as the store only writes one for a socket item
 * that still exists. Reads are lock-free and weakly consistent: a join that returned before a broadcast began is
 * seen by it.
 */
final class LocalRooms {
    private record SocketKey(String connectionId, String namespace) {
    }

    /** A live socket of this node and the rooms it is indexed in. */
    private record LiveSocket(String socketId, Set<RoomKey> rooms) {
    }

    private final String endpoint;
    private final Map<RoomKey, Map<String, Member>> rooms = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LiveSocket>> socketsByConnection = new HashMap<>();

    /** @param endpoint this node's endpoint, as stored on its sessions' items and memberships */
    LocalRooms(String endpoint) {
        this.endpoint = endpoint;
    }

    String endpoint() {
        return endpoint;
    }

    /** Members of the room among this node's sockets. */
    Iterable<Member> members(String tenant, String namespace, String room) {
        Map<String, Member> members = rooms.get(new RoomKey(tenant, namespace, room));
        return members == null ? List.of() : members.values();
    }

    /** True when {@code room} is the id of a socket of this node (its own id room, indexed with it). */
    boolean holdsSocket(String tenant, String namespace, String room) {
        Map<String, Member> members = rooms.get(new RoomKey(tenant, namespace, room));
        return members != null && members.containsKey(room);
    }

    /** A socket item was stored (a namespace CONNECT): from now on its joins are indexed. Replaces an older one. */
    synchronized void socketStored(SocketRecord socket) {
        Map<String, LiveSocket> sockets = socketsByConnection.computeIfAbsent(socket.connectionId(),
                id -> new HashMap<>(2));
        LiveSocket previous = sockets.put(socket.namespace(), new LiveSocket(socket.socketId(), new HashSet<>(4)));
        if (previous != null) {
            dropMemberships(previous);
        }
    }

    /** Indexes a membership the store accepted, if it is this node's socket and that socket is still live. */
    synchronized void joined(SocketRecord socket, String memberEndpoint, String room) {
        if (!endpoint.equals(memberEndpoint)) {
            return;
        }
        LiveSocket live = live(socket);
        if (live == null) {
            return;
        }
        RoomKey key = new RoomKey(socket.tenant(), socket.namespace(), room);
        if (live.rooms().add(key)) {
            rooms.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                    .put(socket.socketId(), new Member(socket.socketId(), socket.connectionId(), endpoint));
        }
    }

    synchronized void left(SocketRecord socket, String room) {
        LiveSocket live = live(socket);
        RoomKey key = new RoomKey(socket.tenant(), socket.namespace(), room);
        if (live != null && live.rooms().remove(key)) {
            removeMember(key, socket.socketId());
        }
    }

    /** The socket left its namespace: none of its memberships remain. */
    synchronized void socketRemoved(SocketRecord socket) {
        Map<String, LiveSocket> sockets = socketsByConnection.get(socket.connectionId());
        LiveSocket live = live(socket);
        if (live != null) {
            sockets.remove(socket.namespace());
            if (sockets.isEmpty()) {
                socketsByConnection.remove(socket.connectionId());
            }
            dropMemberships(live);
        }
    }

    /** The connection is over: every socket of it goes. */
    synchronized void connectionRemoved(String connectionId) {
        Map<String, LiveSocket> sockets = socketsByConnection.remove(connectionId);
        if (sockets != null) {
            sockets.values().forEach(this::dropMemberships);
        }
    }

    /**
     * Brings the connection's live sockets in line with their stored items, after another endpoint (a Lambda,
     * another node, the publish endpoint) joined, left or removed one of them in the store only. A socket absent
     * from {@code stored} is removed; a stored socket that is not live here is not added (only a CONNECT handled
     * here makes one live). The socket's own id room is never listed on its item, so it is kept.
     */
    synchronized void resync(String connectionId, List<SocketRecord> stored) {
        Map<String, LiveSocket> sockets = socketsByConnection.get(connectionId);
        if (sockets == null) {
            return;
        }
        for (LiveSocket live : List.copyOf(sockets.values())) {
            SocketRecord record = stored.stream().filter(s -> s.socketId().equals(live.socketId())).findFirst()
                    .orElse(null);
            if (record == null) {
                sockets.values().remove(live);
                dropMemberships(live);
                continue;
            }
            Set<String> wanted = new HashSet<>(record.rooms());
            wanted.add(record.socketId());
            for (RoomKey key : List.copyOf(live.rooms())) {
                if (!wanted.contains(key.room())) {
                    live.rooms().remove(key);
                    removeMember(key, live.socketId());
                }
            }
            for (String room : wanted) {
                joined(record, endpoint, room);
            }
        }
        if (sockets.isEmpty()) {
            socketsByConnection.remove(connectionId);
        }
    }

    /** Sockets indexed (for tests). */
    synchronized int socketCount() {
        int count = 0;
        for (Map<String, LiveSocket> sockets : socketsByConnection.values()) {
            count += sockets.size();
        }
        return count;
    }

    /** Rooms with at least one local member (for tests). */
    int roomCount() {
        return rooms.size();
    }

    private LiveSocket live(SocketRecord socket) {
        Map<String, LiveSocket> sockets = socketsByConnection.get(socket.connectionId());
        LiveSocket live = sockets == null ? null : sockets.get(socket.namespace());
        return live != null && live.socketId().equals(socket.socketId()) ? live : null;
    }

    private void dropMemberships(LiveSocket live) {
        for (RoomKey key : new ArrayList<>(live.rooms())) {
            removeMember(key, live.socketId());
        }
        live.rooms().clear();
    }

    private void removeMember(RoomKey key, String socketId) {
        rooms.computeIfPresent(key, (k, members) -> {
            members.remove(socketId);
            return members.isEmpty() ? null : members;
        });
    }
}
