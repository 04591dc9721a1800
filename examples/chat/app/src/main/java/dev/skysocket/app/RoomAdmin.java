package dev.skysocket.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.api.Ack;
import dev.skysocket.api.Args;
import dev.skysocket.api.RemoteSocket;
import dev.skysocket.api.Socket;

/**
 * The example app's room-wide commands over {@code /}'s sockets, wherever they are connected: {@code members} on
 * {@code /}, {@code kick} and {@code gather} on {@code /admin}.
 */
final class RoomAdmin {
    private RoomAdmin() {
    }

    /** {@code members(room)}: acks with the sorted ids of {@code /}'s sockets in the room, the caller's included. */
    static void members(Socket socket, Args args, Ack ack) {
        String room = args.text(0);
        if (room == null || room.isEmpty()) {
            ack.send(ChatErrors.error("room must be a non-empty string"));
            return;
        }
        ArrayNode ids = JsonNodeFactory.instance.arrayNode();
        socket.server().of("/").in(room).fetchSockets().stream().map(RemoteSocket::id).sorted().forEach(ids::add);
        ack.send(ids);
    }

    /** {@code kick(room)}: every {@code /} socket in the room is disconnected and its connection closed. */
    static void kick(Socket socket, Args args, Ack ack) {
        String room = args.text(0);
        if (room == null || room.isEmpty()) {
            ack.send(ChatErrors.error("room must be a non-empty string"));
            return;
        }
        socket.server().of("/").in(room).disconnectSockets(true);
        ack.send(room);
    }

    /** {@code gather({from, to})}: every {@code /} socket in {@code from} also joins {@code to}. */
    static void gather(Socket socket, Args args, Ack ack) {
        JsonNode request = args.get(0);
        String from = request.path("from").isTextual() ? request.path("from").asText() : "";
        String to = request.path("to").isTextual() ? request.path("to").asText() : "";
        if (from.isEmpty() || to.isEmpty()) {
            ack.send(ChatErrors.error("gather needs {from, to}"));
            return;
        }
        socket.server().of("/").in(from).socketsJoin(to);
        ack.send(to);
    }
}
