package dev.skysocket.server;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.api.Args;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.store.AckKey;
import dev.skysocket.store.Member;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A broadcast {@code emitWithAck}: resolves the recipients as {@link Broadcaster} does (members deduplicated,
 * except-rooms left out), starts one wait for all of them, then delivers the packet, encoded once, with one ack
 * id: each client answers on its own socket, so (connection, namespace, id) names each answer. Members this
 * process holds (a gateway node's own sessions) answer in memory; the others through the store.
 */
final class AckBroadcast {
    private final ServerContext ctx;

    AckBroadcast(ServerContext ctx) {
        this.ctx = ctx;
    }

    CompletionStage<Map<String, Args>> emit(String tenant, String namespace, Set<String> rooms, Set<String> exceptRooms,
                                            Set<String> exceptSockets, long timeoutMs, String event, Object... args) {
        if (EventNames.isReserved(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
        long id = AckIds.next();
        SocketPacket packet = SocketPacket.event(namespace, id, JsonValues.eventPayload(event, args));
        var frames = PacketFrames.of(packet); // encoded first: an oversized emit fails before anything waits
        Metrics.count(Metric.EVENTS_OUT);
        Set<String> excluded = new HashSet<>(exceptSockets);
        for (String room : exceptRooms) {
            for (Member member : ctx.rooms().members(tenant, namespace, room)) {
                excluded.add(member.socketId());
            }
        }
        Set<String> targets = rooms.isEmpty() ? Set.of(Rooms.EVERYONE) : rooms;
        Map<String, Member> held = new LinkedHashMap<>();
        Map<String, Member> all = new LinkedHashMap<>();
        for (String room : targets) {
            collect(ctx.rooms().membersHeldHere(tenant, namespace, room), excluded, held);
            collect(ctx.rooms().members(tenant, namespace, room), excluded, all);
        }
        all.putAll(held);
        Map<AckKey, String> socketOf = new HashMap<>();
        Set<AckKey> heldKeys = new HashSet<>();
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (Member member : all.values()) {
            AckKey key = new AckKey(member.connectionId(), namespace, id);
            socketOf.put(key, member.socketId());
            if (held.containsKey(member.socketId())) {
                heldKeys.add(key);
            }
            recipients.put(member.socketId(), new Recipient(member.connectionId(), member.endpoint()));
        }
        AckWait wait = ctx.acks().await(socketOf, heldKeys, timeoutMs);
        if (!recipients.isEmpty()) {
            try {
                // A recipient that is gone or keeps failing stays silent and is named by the timeout.
                ctx.fanout().deliver(frames, recipients.values());
            } catch (RuntimeException e) {
                wait.fail(e);
            }
        }
        return SocketAckEmitter.unwrapped(wait.result());
    }

    private static void collect(Iterable<Member> members, Set<String> excluded, Map<String, Member> into) {
        for (Member member : members) {
            if (!excluded.contains(member.socketId())) {
                into.putIfAbsent(member.socketId(), member);
            }
        }
    }
}
