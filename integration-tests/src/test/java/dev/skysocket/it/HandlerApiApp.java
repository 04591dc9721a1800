package dev.skysocket.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.Handshake;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An app that makes Socket.IO's handler API visible to a client: two listeners of one event, a catch-all
 * listener, packet middleware with an error listener that tells the client, {@code disconnecting} and
 * {@code disconnect} reporting the rooms they see, namespace-wide emits, the handshake, and a dynamic namespace.
 */
final class HandlerApiApp implements SocketApp {

    @Override
    public void configure(SocketServer io) {
        io.of("/")
                .onAny((socket, event, args, ack) -> {
                    if (event.equals("probe")) {
                        socket.emit("any-seen", event, args);
                    }
                })
                .usePacket((socket, event, args) -> {
                    if (event.equals("forbidden")) {
                        throw new IllegalStateException("forbidden event");
                    }
                })
                .onError((socket, error) -> socket.emit("refused", error.getMessage()))
                .on("echo", (socket, args, ack) -> ack.send(args))
                .on("probe", (socket, args, ack) -> ack.send("probed"))
                .on("forbidden", (socket, args, ack) -> ack.send("should never answer"))
                .on("multi", (socket, args, ack) -> ack.send("first", args))
                .on("multi", (socket, args, ack) -> {
                    ack.send("second"); // the first listener answered already: ignored, as in Socket.IO
                    socket.emit("second-ran", args);
                })
                .on("join", (socket, args, ack) -> {
                    socket.join(args.text(0));
                    ack.send(args.text(0));
                })
                .on("everyone", (socket, args, ack) -> {
                    socket.nsp().emit("all", args);
                    ack.send();
                })
                .on("handshake", (socket, args, ack) -> ack.send(handshake(socket.handshake())))
                .onDisconnecting((socket, reason) -> {
                    List<String> rooms = socket.rooms().stream().filter(r -> !r.equals(socket.id())).sorted().toList();
                    socket.to("lobby").emit("gone", socket.id(), rooms, socket.connected());
                })
                .onDisconnect((socket, reason) ->
                        socket.nsp().to("lobby").emit("after", socket.rooms().size(), socket.connected()));
        io.of(Pattern.compile("/dyn-\\d+"))
                .use(socket -> socket.data().put("joinedAs", socket.namespace()))
                .on("where", (socket, args, ack) -> ack.send(socket.namespace(), socket.data().path("joinedAs")));
    }

    private static ObjectNode handshake(Handshake handshake) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("url", handshake.url());
        out.put("issued", handshake.issued());
        out.put("time", handshake.timeText());
        out.put("secure", handshake.secure());
        out.put("xdomain", handshake.xdomain());
        out.put("address", handshake.address());
        ObjectNode query = out.putObject("query");
        handshake.query().forEach(query::put);
        out.put("userAgent", handshake.header("user-agent"));
        out.set("auth", handshake.auth());
        return out;
    }
}
