package dev.skysocket.gateway.node;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.api.AckTimeoutException;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small app: echo with ack, join and leave a room, watch a room (presence), say to a room, ask and survey;
 * records disconnect reasons and the presence changes heard.
 */
final class RoomApp implements SocketApp {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<DisconnectReason> disconnects = new CopyOnWriteArrayList<>();
    final List<String> presence = new CopyOnWriteArrayList<>();

    @Override
    public void configure(SocketServer io) {
        io.of("/")
                .on("echo", (socket, args, ack) -> {
                    seen.add("echo");
                    ack.send(args.get(0));
                })
                .on("join", (socket, args, ack) -> {
                    socket.join(args.text(0));
                    ack.send(args.text(0));
                })
                .on("leave", (socket, args, ack) -> {
                    socket.leave(args.text(0));
                    ack.send(args.text(0));
                })
                .on("watch", (socket, args, ack) -> {
                    socket.joinPresence(args.text(0));
                    ack.send(args.text(0));
                })
                .onPresence((socket, change) -> {
                    presence.add(change.member().id() + " " + change.state().wireName());
                    socket.to(change.room()).emit("presence", change.member().id(), change.state().wireName());
                })
                .on("say", (socket, args, ack) -> {
                    socket.to(args.text(0)).emit("said", args.get(1));
                    ack.send();
                })
                // Server-to-client acks: ask(timeoutMs) asks the sender back, survey(room, timeoutMs) asks a room.
                .on("ask", (socket, args, ack) -> socket.timeout(args.get(0).asLong())
                        .emitWithAck("question", "q?")
                        .whenComplete((answer, error) -> ack.send(error == null ? answer.get(0) : "timeout")))
                .on("survey", (socket, args, ack) -> socket.to(args.text(0)).timeout(args.get(1).asLong())
                        .emitWithAck("question", "all?")
                        .whenComplete((answers, error) -> {
                            var got = error == null ? answers : ((AckTimeoutException) error).answers();
                            var reply = JsonNodeFactory.instance.objectNode();
                            got.forEach((id, answer) -> reply.set(id, answer.get(0)));
                            if (error != null) {
                                ((AckTimeoutException) error).silent().forEach(id -> reply.put(id, "silent"));
                            }
                            ack.send(reply);
                        }))
                .onDisconnect((socket, reason) -> disconnects.add(reason));
    }
}
