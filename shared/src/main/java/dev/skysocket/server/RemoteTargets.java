package dev.skysocket.server;

import dev.skysocket.store.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The members a selection ({@code in}/{@code except} rooms, sockets left out) names, for remote sockets and bulk
 * room operations: one paginated Query per room (never a Scan), each member once. They are handed over in chunks
 * while the pages are read, so a room of any size is never held whole; acting on a chunk may add or delete items
 * of a room still being paged, which DynamoDB's paging (from the last key read) tolerates, and a member seen
 * once is never handed over again.
 */
final class RemoteTargets {
    /** Members acted on at a time: small enough to hold, large enough that a room needs few hand-overs. */
    static final int CHUNK = 100;

    private final ServerContext ctx;
    private final String tenant;
    private final String namespace;
    private final Set<String> rooms;
    private final Set<String> exceptRooms;
    private final Set<String> exceptSockets;

    RemoteTargets(ServerContext ctx, String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                  Set<String> exceptSockets) {
        this.ctx = ctx;
        this.tenant = tenant;
        this.namespace = namespace;
        this.rooms = rooms;
        this.exceptRooms = exceptRooms;
        this.exceptSockets = exceptSockets;
    }

    String namespace() {
        return namespace;
    }

    /** Hands every target member, once, to {@code action}, at most {@link #CHUNK} at a time. */
    void forEachChunk(Consumer<List<Member>> action) {
        // Left-out sockets are known before any member is handed over, as in a broadcast.
        Set<String> seen = new HashSet<>(exceptSockets);
        for (String room : exceptRooms) {
            for (Member member : ctx.rooms().members(tenant, namespace, room)) {
                seen.add(member.socketId());
            }
        }
        List<Member> chunk = new ArrayList<>(CHUNK);
        for (String room : rooms.isEmpty() ? Set.of(Rooms.EVERYONE) : rooms) {
            for (Member member : ctx.rooms().members(tenant, namespace, room)) {
                if (seen.add(member.socketId())) {
                    chunk.add(member);
                }
                if (chunk.size() == CHUNK) {
                    action.accept(List.copyOf(chunk));
                    chunk.clear();
                }
            }
        }
        if (!chunk.isEmpty()) {
            action.accept(List.copyOf(chunk));
        }
    }
}
