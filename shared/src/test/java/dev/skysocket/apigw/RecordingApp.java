package dev.skysocket.apigw;

import dev.skysocket.api.ConnectRefused;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small app for route tests: echo, join, say, a guarded namespace, and a log of what its handlers saw. */
final class RecordingApp implements SocketApp {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<DisconnectReason> disconnects = new CopyOnWriteArrayList<>();

    @Override
    public void configure(SocketServer io) {
        io.of("/")
                .onConnection(socket -> seen.add("connection " + socket.namespace()))
                .on("echo", (socket, args, ack) -> {
                    seen.add("echo " + args);
                    if (ack.requested()) {
                        ack.send(args);
                    } else {
                        socket.emit("echo", args);
                    }
                })
                .on("join", (socket, args, ack) -> {
                    socket.join(args.text(0));
                    ack.send(args.text(0));
                })
                .on("remember", (socket, args, ack) -> {
                    socket.data().set("remembered", args.get(0));
                    ack.send();
                })
                .on("recall", (socket, args, ack) -> ack.send(socket.data().path("remembered")))
                .on("say", (socket, args, ack) -> {
                    socket.to(args.get(0).path("room").asText()).emit("said", args.get(0));
                    ack.send();
                })
                .on("boom", (socket, args, ack) -> {
                    throw new IllegalStateException("app bug");
                })
                .onDisconnect((socket, reason) -> disconnects.add(reason));
        io.of("/admin").use(socket -> {
            if (!"secret".equals(socket.handshake().auth().path("token").asText())) {
                throw new ConnectRefused("unauthorized");
            }
        });
    }
}
