package dev.skysocket.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.Ack;
import dev.skysocket.api.Args;
import dev.skysocket.api.Namespace;
import dev.skysocket.api.PresenceChange;
import dev.skysocket.api.Socket;

/**
 * Presence on {@code /}: {@code watch(room, ack)} joins the room as a presence member and acks with its members
 * {@code [{id, user}]} sorted by id, the caller included; the room's other sockets get
 * {@code presence {room, id, user, state: "joined"}} when a member arrives and {@code state: "left"} when its last
 * socket leaves the room, disconnects or vanishes. {@code id} is the user id when the connection has one, else
 * the socket id; {@code user} is the user info (the user id, or null for an anonymous socket).
 */
final class Watchers {
    private Watchers() {
    }

    static Namespace register(Namespace namespace) {
        return namespace.on("watch", Watchers::watch).onPresence(Watchers::announce);
    }

    static void watch(Socket socket, Args args, Ack ack) {
        String room = args.text(0);
        if (room == null || room.isEmpty()) {
            ack.send(ChatErrors.error("room must be a non-empty string"));
            return;
        }
        socket.joinPresence(room);
        ArrayNode members = JsonNodeFactory.instance.arrayNode();
        socket.presence(room).forEach(member -> members.addObject().put("id", member.id()).set("user", member.user()));
        ack.send(members);
    }

    static void announce(Socket socket, PresenceChange change) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("room", change.room());
        event.put("id", change.member().id());
        event.set("user", change.member().user());
        event.put("state", change.state().wireName());
        socket.to(change.room()).emit("presence", event);
    }
}
