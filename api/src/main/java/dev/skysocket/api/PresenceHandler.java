package dev.skysocket.api;

/**
 * Told when a member arrives in or leaves a presence room of the namespace, so the app announces it in its own
 * words: {@code socket.to(change.room()).emit("presence", ...)} reaches every other socket in the room.
 */
@FunctionalInterface
public interface PresenceHandler {

    /**
     * @param socket the socket whose join or leave made the change: the member's first or last socket in the room.
     *               When it left by disconnecting it is still in its rooms here (as in {@code disconnecting}),
     *               so {@code socket.to(room)} reaches the others and not itself.
     */
    void onPresence(Socket socket, PresenceChange change) throws Exception;
}
