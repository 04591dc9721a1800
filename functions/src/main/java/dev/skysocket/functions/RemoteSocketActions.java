package dev.skysocket.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.api.BroadcastOperator;
import dev.skysocket.api.RemoteSocket;
import dev.skysocket.server.JsonValues;

/** Runs a publish call's remote-socket action on its target and answers what it did, as JSON. */
final class RemoteSocketActions {
    private RemoteSocketActions() {
    }

    /** The answer body: {@code {"sockets": [{id, rooms, data}]}} for fetchSockets, else {@code {"done": "SocketsJoin"}} and so on. */
    static ObjectNode run(BroadcastOperator target, PublishAction action) {
        ObjectNode body = JsonValues.object();
        if (action instanceof PublishAction.FetchSockets) {
            ArrayNode sockets = body.putArray("sockets");
            for (RemoteSocket socket : target.fetchSockets()) {
                ObjectNode item = sockets.addObject().put("id", socket.id());
                ArrayNode rooms = item.putArray("rooms");
                socket.rooms().stream().sorted().forEach(rooms::add);
                item.set("data", socket.data());
            }
            return body;
        } else if (action instanceof PublishAction.SocketsJoin join) {
            target.socketsJoin(join.rooms().toArray(String[]::new));
        } else if (action instanceof PublishAction.SocketsLeave leave) {
            target.socketsLeave(leave.rooms().toArray(String[]::new));
        } else if (action instanceof PublishAction.DisconnectSockets disconnect) {
            target.disconnectSockets(disconnect.close());
        } else {
            throw new IllegalStateException("an emit is not a remote-socket action");
        }
        body.put("done", action.getClass().getSimpleName());
        return body;
    }
}
