package dev.skysocket.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.Ack;
import dev.skysocket.api.Args;
import dev.skysocket.api.ConnectRefused;
import dev.skysocket.api.Namespace;
import dev.skysocket.api.Socket;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;

/**
 * The example application: {@code /} is open to everyone, {@code /admin} needs {@code auth.token} to equal the
 * admin token (the app setting {@code admin-token}: on AWS a SecureString parameter under the deployment's
 * {@code AppSettingsPath}, locally {@code -Dapp.admin-token} or {@code APP_ADMIN_TOKEN}; default
 * {@code admin-secret}). Both namespaces offer echo, join, leave and say; {@code /} also {@code members(room)} (the
 * sorted ids of {@code /}'s sockets in the room), {@code /admin} also {@code kick(room)} (closes the connection of
 * every {@code /} socket in the room) and {@code gather({from, to})} (every {@code /} socket in {@code from} joins
 * {@code to}).
 */
public final class ChatApp implements SocketApp {
    public static final String DEFAULT_ADMIN_TOKEN = "admin-secret";
    private final String adminToken;

    /** The ServiceLoader entry point: the admin token is the app setting {@code admin-token}. */
    public ChatApp() {
        this(null);
    }

    /** With a fixed admin token (null: the app setting). */
    public ChatApp(String adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public void configure(SocketServer io) {
        String adminToken = this.adminToken != null ? this.adminToken
                : io.setting("admin-token").orElse(DEFAULT_ADMIN_TOKEN);
        chat(io.of("/")).on("members", RoomAdmin::members);
        chat(io.of("/admin")).on("kick", RoomAdmin::kick).on("gather", RoomAdmin::gather).use(socket -> {
            JsonNode token = socket.handshake().auth().path("token");
            if (!token.isTextual() || !token.asText().equals(adminToken)) {
                throw new ConnectRefused("unauthorized");
            }
        });
    }

    private static Namespace chat(Namespace namespace) {
        return namespace
                .on("echo", ChatApp::echo)
                .on("join", (socket, args, ack) -> roomCommand(socket, args, ack, true))
                .on("leave", (socket, args, ack) -> roomCommand(socket, args, ack, false))
                .on("say", ChatApp::say);
    }

    /** Acks with exactly the arguments it got, or emits them back as {@code echo} when no ack was asked for. */
    static void echo(Socket socket, Args args, Ack ack) {
        if (ack.requested()) {
            ack.send(args);
        } else {
            socket.emit("echo", args);
        }
    }

    static void roomCommand(Socket socket, Args args, Ack ack, boolean join) {
        String room = args.text(0);
        if (room == null || room.isEmpty()) {
            ack.send(ChatErrors.error("room must be a non-empty string"));
            return;
        }
        if (join) {
            socket.join(room);
        } else {
            socket.leave(room);
        }
        ack.send(room);
    }

    /** {@code say({room, msg})}: every other member of the room gets {@code said {room, msg, from}}. */
    static void say(Socket socket, Args args, Ack ack) {
        JsonNode request = args.get(0);
        String room = request.path("room").isTextual() ? request.path("room").asText() : null;
        if (room == null || room.isEmpty() || !request.has("msg")) {
            ack.send(ChatErrors.error("say needs {room, msg}"));
            return;
        }
        ObjectNode said = JsonNodeFactory.instance.objectNode();
        said.put("room", room);
        said.set("msg", request.get("msg"));
        said.put("from", socket.id());
        socket.to(room).emit("said", said);
        ack.send();
    }
}
