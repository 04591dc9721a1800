package dev.skysocket.server;

import dev.skysocket.api.Args;
import dev.skysocket.api.OutgoingHandler;

/**
 * Runs the namespace's {@code onAnyOutgoing} listeners for an event emitted to one socket, in this process, before
 * it is sent. Broadcasts do not run them per recipient: a recipient's socket is not loaded by this call.
 */
final class OutgoingListeners {
    private final ServerContext ctx;

    OutgoingListeners(ServerContext ctx) {
        this.ctx = ctx;
    }

    void notify(StoredSocket socket, String event, Args args) {
        ctx.io().declared(socket.namespace()).ifPresent(namespace -> {
            for (OutgoingHandler handler : namespace.outgoingHandlers()) {
                new SocketLifecycle(ctx).guard("outgoing:" + event, socket,
                        () -> handler.onOutgoing(socket, event, args));
            }
        });
    }
}
