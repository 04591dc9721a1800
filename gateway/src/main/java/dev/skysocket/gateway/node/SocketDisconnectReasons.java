package dev.skysocket.gateway.node;

import dev.skysocket.api.DisconnectReason;
import dev.skysocket.gateway.engine.EngineCloseReason;

/**
 * The one place an Engine.IO close reason becomes the Socket.IO disconnect reason handlers see. The reference
 * Socket.IO server passes Engine.IO's reasons through unchanged and says "server shutting down" when it stops;
 * the switch has no default, so a new close reason does not compile until it is mapped here.
 */
final class SocketDisconnectReasons {
    private SocketDisconnectReasons() {
    }

    static DisconnectReason of(EngineCloseReason reason) {
        return switch (reason) {
            case TRANSPORT_CLOSE -> DisconnectReason.TRANSPORT_CLOSE;
            case TRANSPORT_ERROR -> DisconnectReason.TRANSPORT_ERROR;
            case PING_TIMEOUT -> DisconnectReason.PING_TIMEOUT;
            case PARSE_ERROR -> DisconnectReason.PARSE_ERROR;
            case FORCED_CLOSE -> DisconnectReason.FORCED_CLOSE;
            case SERVER_SHUTTING_DOWN -> DisconnectReason.SERVER_SHUTTING_DOWN;
            // Never reported (the session had not opened) and not a reference reason: a plain transport close.
            case SERVER_ERROR -> DisconnectReason.TRANSPORT_CLOSE;
        };
    }
}
