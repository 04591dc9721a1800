package dev.skysocket.server;

import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.store.Member;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a broadcast to recipients (one room query per room, members deduplicated across rooms) and delivers
 * the packet encoded once. Members the room store holds in memory (a gateway node's own sockets) are delivered
 * to before the store is read for the rest, and before the recovery log's item is written, so they wait for
 * neither; every member still gets the packet once, and frames of one sender still reach each recipient in order
 * (each broadcast finishes, its log item settled, before the next).
 */
final class Broadcaster {
    private final ServerContext ctx;
    /** Socket.IO's volatile flag: recipients that cannot take the packet now are dropped, not retried. */
    private final boolean volatileOnly;

    Broadcaster(ServerContext ctx) {
        this(ctx, false);
    }

    Broadcaster(ServerContext ctx, boolean volatileOnly) {
        this.ctx = ctx;
        this.volatileOnly = volatileOnly;
    }

    private FanoutReport send(List<String> frames, Collection<Recipient> recipients) {
        return volatileOnly ? ctx.fanout().deliverVolatile(frames, recipients)
                : ctx.fanout().deliver(frames, recipients);
    }

    FanoutReport deliver(String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                         Set<String> exceptSockets, SocketPacket packet) {
        Set<String> excluded = new HashSet<>(exceptSockets);
        for (String room : exceptRooms) {
            for (Member member : ctx.rooms().members(tenant, namespace, room)) {
                excluded.add(member.socketId());
            }
        }
        Set<String> targets = rooms.isEmpty() ? Set.of(Rooms.EVERYONE) : rooms;
        // Encoded first, even for an empty room, so an oversized emit fails the same way whoever is listening.
        // The log item (connection state recovery) is written once this node's members have their frames, while
        // the rooms are read.
        ReplayLog.Logged logged = new ReplayLog(ctx).logging(tenant, namespace, targets, exceptRooms, exceptSockets,
                packet);
        List<String> frames = logged.frames();
        Map<String, Recipient> held = new LinkedHashMap<>();
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        try {
            for (String room : targets) {
                collect(ctx.rooms().membersHeldHere(tenant, namespace, room), excluded, held);
            }
            FanoutReport first = held.isEmpty() ? FanoutReport.empty() : send(frames, held.values());
            logged.start();
            // Already delivered: a held member is also among members(), and must not get the packet twice.
            excluded.addAll(held.keySet());
            for (String room : targets) {
                collect(ctx.rooms().members(tenant, namespace, room), excluded, recipients);
            }
            return recipients.isEmpty() ? first : sum(first, send(frames, recipients.values()));
        } finally {
            // Even when a read failed: the emit returns (or throws the read's error) only once its log item is settled.
            logged.settle();
        }
    }

    private static void collect(Iterable<Member> members, Set<String> excluded, Map<String, Recipient> into) {
        for (Member member : members) {
            if (!excluded.contains(member.socketId())) {
                into.putIfAbsent(member.socketId(), new Recipient(member.connectionId(), member.endpoint()));
            }
        }
    }

    private static FanoutReport sum(FanoutReport a, FanoutReport b) {
        if (a.delivered() + a.gone() + a.failed() == 0 && a.retries() == 0) {
            return b;
        }
        List<String> gone = new ArrayList<>(a.goneConnectionIds());
        gone.addAll(b.goneConnectionIds());
        return new FanoutReport(a.delivered() + b.delivered(), a.gone() + b.gone(), a.failed() + b.failed(),
                a.retries() + b.retries(), a.duration().plus(b.duration()), gone);
    }
}
