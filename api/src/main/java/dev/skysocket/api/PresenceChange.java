package dev.skysocket.api;

/**
 * A member arrived in or left a presence room.
 *
 * @param room   the presence room
 * @param member who arrived or left
 * @param state  {@link State#JOINED} on the member's first socket in the room, {@link State#LEFT} when its last
 *               socket left it
 */
public record PresenceChange(String room, PresenceMember member, State state) {

    /** Arrived or left; {@link #wireName()} is the lower-case word ({@code "joined"}, {@code "left"}). */
    public enum State {
        JOINED, LEFT;

        public String wireName() {
            return this == JOINED ? "joined" : "left";
        }
    }
}
