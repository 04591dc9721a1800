package dev.skysocket.server;

import dev.skysocket.api.Ack;
import dev.skysocket.api.AnyEventHandler;
import dev.skysocket.api.Args;
import dev.skysocket.api.ErrorHandler;
import dev.skysocket.api.EventHandler;
import dev.skysocket.api.PacketMiddleware;
import java.lang.System.Logger.Level;

/**
 * One incoming event through the app, in Socket.IO's order: the catch-all listeners, then the packet middleware,
 * then the event's listeners (all of them, sharing one ack). A refusal by middleware drops the event and goes to
 * the namespace's error listeners; the client hears nothing of it.
 */
final class EventDispatch {
    private static final System.Logger LOG = System.getLogger(EventDispatch.class.getName());
    private final SocketLifecycle lifecycle;

    EventDispatch(SocketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void run(DeclaredNamespace namespace, StoredSocket socket, String event, Args args, Ack ack) {
        for (AnyEventHandler any : namespace.anyHandlers()) {
            lifecycle.guard("any:" + event, socket, () -> any.handle(socket, event, args, ack));
        }
        for (PacketMiddleware check : namespace.packetMiddleware()) {
            try {
                check.check(socket, event, args);
            } catch (Exception refused) {
                reportError(namespace, socket, refused);
                return;
            }
        }
        for (EventHandler handler : namespace.handlers(event)) {
            if (!socket.connected()) {
                return; // a listener disconnected the socket: Socket.IO ignores what arrives afterwards
            }
            lifecycle.guard("event:" + event, socket, () -> handler.handle(socket, args, ack));
        }
    }

    private void reportError(DeclaredNamespace namespace, StoredSocket socket, Exception error) {
        if (namespace.errorHandlers().isEmpty()) {
            LOG.log(Level.WARNING, "event=packet_refused_without_error_listener namespace={0} socket={1}"
                    + " error={2}: {3}", socket.namespace(), socket.id(), error.getClass().getName(), error.getMessage());
            return;
        }
        for (ErrorHandler handler : namespace.errorHandlers()) {
            lifecycle.guard("error", socket, () -> handler.onError(socket, error));
        }
    }
}
