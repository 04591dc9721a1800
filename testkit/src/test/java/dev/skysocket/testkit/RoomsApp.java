package dev.skysocket.testkit;

import dev.skysocket.api.ConnectRefused;
import dev.skysocket.api.Namespace;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;

/**
 * The kit's own test app. On {@code /} and {@code /private}: {@code echo} acks its arguments, {@code join(room)}
 * joins and acks the room, {@code say(room, msg)} emits {@code said(msg)} to the room's other members and acks,
 * {@code greeting} acks the app setting {@code greeting} (or "none").
 * {@code /private} refuses a client without {@code auth.token} with "unauthorized".
 */
public final class RoomsApp implements SocketApp {
    @Override
    public void configure(SocketServer io) {
        String greeting = io.setting("greeting").orElse("none");
        rooms(io.of("/"), greeting);
        rooms(io.of("/private"), greeting).use(socket -> {
            if (!socket.handshake().auth().path("token").isTextual()) {
                throw new ConnectRefused("unauthorized");
            }
        });
    }

    private static Namespace rooms(Namespace namespace, String greeting) {
        return namespace
                .on("echo", (socket, args, ack) -> ack.send(args))
                .on("join", (socket, args, ack) -> {
                    socket.join(args.text(0));
                    ack.send(args.text(0));
                })
                .on("say", (socket, args, ack) -> {
                    socket.to(args.text(0)).emit("said", args.get(1));
                    ack.send();
                })
                .on("greeting", (socket, args, ack) -> ack.send(greeting));
    }
}
