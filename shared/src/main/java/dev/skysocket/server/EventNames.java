package dev.skysocket.server;

import java.util.Set;

/** Event names Socket.IO reserves; a client may not emit them and an app may not handle them as events. */
final class EventNames {
    private static final Set<String> RESERVED = Set.of("connect", "connect_error", "disconnect", "disconnecting",
            "newListener", "removeListener");

    private EventNames() {
    }

    static boolean isReserved(String event) {
        return event == null || RESERVED.contains(event);
    }

    /** @throws IllegalArgumentException for a reserved name, as an emit must */
    static void requireUnreserved(String event) {
        if (isReserved(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
    }
}
