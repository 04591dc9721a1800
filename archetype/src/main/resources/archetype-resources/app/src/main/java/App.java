package ${package};

import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;

/**
 * The app: its namespaces and handlers, registered once per process. Listed in
 * {@code META-INF/services/dev.skysocket.api.SocketApp}, where the Lambda runtime, the gateway and the local
 * stack find it.
 */
public final class App implements SocketApp {

    @Override
    public void configure(SocketServer io) {
        io.of("/")
                .onConnection(socket -> socket.join("lobby"))
                // echo(...args, ack): answers with the same arguments.
                .on("echo", (socket, args, ack) -> ack.send(args))
                // say(text): everyone else in the lobby gets said(text, from).
                .on("say", (socket, args, ack) -> {
                    socket.to("lobby").emit("said", args.get(0), socket.id());
                    ack.send();
                });
    }
}
