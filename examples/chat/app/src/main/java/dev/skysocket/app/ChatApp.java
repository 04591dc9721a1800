package dev.skysocket.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.Ack;
import dev.skysocket.api.AckTimeoutException;
import dev.skysocket.api.Args;
import dev.skysocket.api.ConnectRefused;
import dev.skysocket.api.Namespace;
import dev.skysocket.api.RoomQuotaExceededException;
import dev.skysocket.api.Socket;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import java.time.Duration;

/**
 * The example application: {@code /} is open to everyone, {@code /admin} needs {@code auth.token} to equal the
 * admin token (the app setting {@code admin-token}: on AWS a SecureString parameter under the deployment's
 * {@code AppSettingsPath}, locally {@code -Dapp.admin-token} or {@code APP_ADMIN_TOKEN}; default
 * {@code admin-secret}). Both namespaces offer echo, join, leave and say; {@code /} also offers ask and survey, and
 * recovers dropped clients (connection state recovery), so its {@code said} events carry the recovery offset as
 * their last argument. {@code /} also answers {@code members(room)} (the sorted ids of {@code /}'s sockets in the
 * room) and {@code whoami} ({@code {user, tenant}}); {@code /admin} also offers {@code kick(room)} (closes the
 * connection of every {@code /} socket in the room), {@code revoke(user)} (closes every connection of the user in
 * the caller's tenant and refuses new ones for a while)
 * and {@code gather({from, to})} (every {@code /} socket in {@code from} joins {@code to}). {@code /} also offers
 * {@code watch(room)} and its {@code presence} events ({@link Watchers}).
 */
public final class ChatApp implements SocketApp {
    public static final String DEFAULT_ADMIN_TOKEN = "admin-secret";
    /** How long {@code ask} waits for the client's answer to {@code question}. */
    public static final long ASK_TIMEOUT_MS = 2_000;
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
        chat(io.of("/")).on("ask", ChatApp::ask).on("survey", ChatApp::survey).on("members", RoomAdmin::members)
                .on("whoami", ChatApp::whoami).connectionStateRecovery(MAX_DISCONNECTION);
        Watchers.register(io.of("/")); // watch(room) and the presence events
        chat(io.of("/admin")).on("kick", RoomAdmin::kick).on("gather", RoomAdmin::gather)
                .on("revoke", UserAdmin::revoke).use(socket -> {
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

    /** {@code whoami(ack)}: acks {@code {user, tenant}} of the connection's identity (user null when anonymous). */
    static void whoami(Socket socket, Args args, Ack ack) {
        ack.send(JsonNodeFactory.instance.objectNode().put("user", socket.user()).put("tenant", socket.tenant()));
    }

    static void roomCommand(Socket socket, Args args, Ack ack, boolean join) {
        String room = args.text(0);
        if (room == null || room.isEmpty()) {
            ack.send(ChatErrors.error("room must be a non-empty string"));
            return;
        }
        if (join) {
            try {
                socket.join(room);
            } catch (RoomQuotaExceededException full) {
                ack.send(ChatErrors.error(full.getMessage()));  // the socket keeps its rooms and its connection
                return;
            }
        } else {
            socket.leave(room);
        }
        ack.send(room);
    }

    /**
     * {@code ask(question, ack)}: emits {@code question} back to the sender with a 2 s ack timeout, then acks
     * {@code {answer: <the client's first ack argument>}}, or {@code {error: "timeout"}} without an answer in time.
     * It composes on the answer instead of blocking: the answer is a later packet of the same client.
     */
    static void ask(Socket socket, Args args, Ack ack) {
        Object question = args.isEmpty() ? null : args.get(0);
        socket.timeout(ASK_TIMEOUT_MS).emitWithAck("question", question).whenComplete((answer, error) -> {
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            if (error == null) {
                reply.set("answer", answer.isEmpty() ? JsonNodeFactory.instance.nullNode() : answer.get(0));
            } else {
                reply.put("error", error instanceof AckTimeoutException ? "timeout" : "unavailable");
            }
            ack.send(reply);
        });
    }

    /**
     * {@code survey({room, question}, ack)}: emits {@code question} to every other member of the room with a 2 s
     * ack timeout, then acks {@code {answers: {socketId: first ack argument}, silent: [socketId]}}.
     */
    static void survey(Socket socket, Args args, Ack ack) {
        JsonNode request = args.get(0);
        String room = request.path("room").isTextual() ? request.path("room").asText() : null;
        if (room == null || room.isEmpty()) {
            ack.send(ChatErrors.error("survey needs {room, question}"));
            return;
        }
        socket.to(room).timeout(ASK_TIMEOUT_MS).emitWithAck("question", request.path("question"))
                .whenComplete((answers, error) -> {
                    ObjectNode reply = JsonNodeFactory.instance.objectNode();
                    ObjectNode byId = reply.putObject("answers");
                    var silent = reply.putArray("silent");
                    if (error instanceof AckTimeoutException timeout) {
                        answers = timeout.answers();
                        timeout.silent().forEach(silent::add);
                    } else if (error != null) {
                        ack.send(ChatErrors.error("survey failed"));
                        return;
                    }
                    answers.forEach((id, answer) -> byId.set(id,
                            answer.isEmpty() ? JsonNodeFactory.instance.nullNode() : answer.get(0)));
                    ack.send(reply);
                });
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
