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
import java.time.Duration;

/**
 * The example application: {@code /} is open to everyone, {@code /admin} needs {@code auth.token} to equal the
 * admin token (the app setting {@code admin-token}: on AWS a SecureString parameter under the deployment's
 * {@code AppSettingsPath}, locally {@code -Dapp.admin-token} or {@code APP_ADMIN_TOKEN}; default
 * {@code admin-secret}). Both namespaces offer echo, join, leave and say. {@code /} recovers dropped clients
 * (connection state recovery), so its {@code said} events carry the recovery offset as their last argument.
 */
public final class ChatApp implements SocketApp {
    public static final String DEFAULT_ADMIN_TOKEN = "admin-secret";
    /** How long a dropped client of {@code /} may take to come back and recover its socket. */
    public static final Duration MAX_DISCONNECTION = Duration.ofMillis(120_000);
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
        // A client whose transport drops gets its socket back within 2 minutes (Socket.IO's default), with what
        // was broadcast to its rooms meanwhile.
        chat(io.of("/")).connectionStateRecovery(MAX_DISCONNECTION);
        chat(io.of("/admin")).use(socket -> {
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

    /**
     * Acks with exactly the arguments it got, or emits them back as {@code echo} when no ack was asked for: never
     * replayed, so the reply carries no recovery offset, only the arguments.
     */
    static void echo(Socket socket, Args args, Ack ack) {
        if (ack.requested()) {
            ack.send(args);
        } else {
            socket.emitWithoutReplay("echo", args);
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
