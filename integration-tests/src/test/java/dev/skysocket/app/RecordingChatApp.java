package dev.skysocket.app;

import dev.skysocket.api.Namespace;
import dev.skysocket.api.SocketServer;
import dev.skysocket.api.SocketApp;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The example chat app with a catch-all listener added so a test can see exactly what reached app code. It lives in
 * the app's package (test sources only) to run the app's own handlers rather than copies of them.
 */
public final class RecordingChatApp implements SocketApp {
    private static final List<String> NAMESPACES = List.of("/", "/admin");
    private static final Set<String> RECORDED = Set.of("echo", "join", "leave", "say");

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
            // A catch-all listener runs before the app's own listeners of the event, so a test sees each event
            // that reached app code, in order, before its ack goes out.
            Namespace namespace = io.of(name);
            namespace.onAny((socket, event, args, ack) -> {
                if (RECORDED.contains(event)) {
                    received.add(new Received(socket.namespace(), socket.id(), event, args.asList().toString()));
                }
            });
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
}
