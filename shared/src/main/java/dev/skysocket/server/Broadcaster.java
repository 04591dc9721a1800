package dev.skysocket.server;

import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.store.Member;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a broadcast to recipients (one room query per room, members deduplicated across rooms) and delivers
 * the packet encoded once.
 */
final class Broadcaster {
    private final ServerContext ctx;

    Broadcaster(ServerContext ctx) {
        this.ctx = ctx;
    }

    FanoutReport deliver(String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                         Set<String> exceptSockets, SocketPacket packet) {
        Set<String> excluded = new HashSet<>(exceptSockets);
        for (String room : exceptRooms) {
            for (Member member : ctx.rooms().members(tenant, namespace, room)) {
                excluded.add(member.socketId());
            }
        }
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        Set<String> targets = rooms.isEmpty() ? Set.of(Rooms.EVERYONE) : rooms;
        for (String room : targets) {
            for (Member member : ctx.rooms().members(tenant, namespace, room)) {
                if (!excluded.contains(member.socketId())) {
                    recipients.putIfAbsent(member.socketId(), new Recipient(member.connectionId(), member.endpoint()));
                }
            }
        }
        if (recipients.isEmpty()) {
            return FanoutReport.empty();
        }
        List<String> frames = PacketFrames.of(packet);
        return ctx.fanout().deliver(frames, recipients.values());
    }
}
