package dev.skysocket.gateway.node;

import dev.skysocket.api.DisconnectReason;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small app: echo with ack, join and leave a room, say to a room; records disconnect reasons. */
final class RoomApp implements SocketApp {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<DisconnectReason> disconnects = new CopyOnWriteArrayList<>();

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
                .on("say", (socket, args, ack) -> {
                    socket.to(args.text(0)).emit("said", args.get(1));
                    ack.send();
                })
                .onDisconnect((socket, reason) -> disconnects.add(reason));
    }
}
