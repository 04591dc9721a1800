package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;

/**
 * The app: its namespaces and handlers, registered once per process. Listed in
 * {@code META-INF/services/dev.skysocket.api.SocketApp}, where the Lambda runtime, the gateway and the local
 * stack find it. These handlers speak what the local stack's demo page sends, so the page chats with it.
 */
public final class App implements SocketApp {

    @Override
    public void configure(SocketServer io) {
        io.of("/")
                // echo(...args, ack): answers with the same arguments.
                .on("echo", (socket, args, ack) -> ack.send(args))
                // join(room, ack): joins the room and answers with its name.
                .on("join", (socket, args, ack) -> {
                    socket.join(args.text(0));
                    ack.send(args.text(0));
                })
                // say({room, msg}, ack): the room's other members get said({room, msg, from}).
                .on("say", (socket, args, ack) -> {
                    JsonNode request = args.get(0);
                    String room = request.path("room").asText("");
                    if (room.isEmpty()) {
                        ack.send(JsonNodeFactory.instance.objectNode().put("error", "say needs {room, msg}"));
                        return;
                    }
                    socket.to(room).emit("said", JsonNodeFactory.instance.objectNode().put("room", room)
                            .put("from", socket.id()).set("msg", request.path("msg")));
                    ack.send();
                });
    }
}
