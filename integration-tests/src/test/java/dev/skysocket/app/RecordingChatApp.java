package dev.skysocket.app;

import dev.skysocket.api.EventHandler;
import dev.skysocket.api.Namespace;
import dev.skysocket.api.SocketServer;
import dev.skysocket.api.SocketApp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The example chat app with every handler wrapped so a test can see exactly what reached app code. It lives in
 * the app's package (test sources only) to delegate to the app's own handlers rather than copies of them.
 */
public final class RecordingChatApp implements SocketApp {
    private static final List<String> NAMESPACES = List.of("/", "/admin");

    /** One call of an event handler: the socket it ran for and the arguments as JSON. */
    public record Received(String namespace, String socketId, String event, String args) {
    }

    private final ChatApp chat = new ChatApp(ChatApp.DEFAULT_ADMIN_TOKEN);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> connected = new CopyOnWriteArrayList<>();
    private final List<String> disconnected = new CopyOnWriteArrayList<>();

    @Override
    public void configure(SocketServer io) {
        chat.configure(io);
        for (String name : NAMESPACES) {
            // A second registration of an event replaces the first (Namespace#on): wrap the app's handlers.
            Namespace namespace = io.of(name);
            record(namespace, "echo", ChatApp::echo);
            record(namespace, "join", (socket, args, ack) -> ChatApp.roomCommand(socket, args, ack, true));
            record(namespace, "leave", (socket, args, ack) -> ChatApp.roomCommand(socket, args, ack, false));
            record(namespace, "say", ChatApp::say);
            namespace.onConnection(socket -> connected.add(socket.namespace() + " " + socket.id()));
            namespace.onDisconnect((socket, reason) -> disconnected.add(socket.id() + " " + reason.wire()));
        }
    }

    /** Every event any handler received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** "namespace socketId" of every socket whose connection handlers ran. */
    public List<String> connected() {
        return List.copyOf(connected);
    }

    /** "socketId reason" of every socket whose disconnect handlers ran. */
    public List<String> disconnected() {
        return List.copyOf(disconnected);
    }

    private void record(Namespace namespace, String event, EventHandler handler) {
        namespace.on(event, (socket, args, ack) -> {
            received.add(new Received(socket.namespace(), socket.id(), event, args.asList().toString()));
            handler.handle(socket, args, ack);
        });
    }
}
