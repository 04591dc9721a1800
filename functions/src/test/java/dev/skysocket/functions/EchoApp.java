package dev.skysocket.functions;

import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;

/**
 * The app these tests deploy, found through ServiceLoader as a user's app is: {@code echo} acks its arguments
 * (or emits them back without an ack), {@code join} joins a room and acks its name.
 */
public final class EchoApp implements SocketApp {
    @Override
    public void configure(SocketServer io) {
        io.of("/")
                .on("echo", (socket, args, ack) -> {
                    if (ack.requested()) {
                        ack.send(args);
                    } else {
                        socket.emit("echo", args);
                    }
                })
                .on("join", (socket, args, ack) -> {
                    socket.join(args.text(0));
                    ack.send(args.text(0));
                });
    }
}
