package dev.skysocket.store;

import java.util.Optional;

/**
 * A socket that is a presence member of a room also lists a marker room, {@code \0presence\0<room>\0<member id>},
 * in its stored rooms. The marker tells every later removal of the socket (a leave, a disconnect on any path, a
 * 410 during fan-out, a kept session's restore) which presence entries the socket holds, without a read. No app
 * room can be a marker: room names may not contain control characters.
 */
public final class PresenceRooms {
    private static final String PREFIX = "\u0000presence\u0000";

    private PresenceRooms() {
    }

    public static String marker(String room, String memberId) {
        return PREFIX + room + "\u0000" + memberId;
    }

    public static boolean isMarker(String room) {
        return room.startsWith(PREFIX);
    }

    /** The room and member a marker names; empty for any other room. */
    public static Optional<Marker> parse(String room) {
        if (!isMarker(room)) {
            return Optional.empty();
        }
        String rest = room.substring(PREFIX.length());
        int split = rest.indexOf('\u0000'); // the room has no control character: the first one ends it
        if (split < 1) {
            return Optional.empty();
        }
        return Optional.of(new Marker(rest.substring(0, split), rest.substring(split + 1)));
    }

    /** The presence room and the member a marker names. */
    public record Marker(String room, String memberId) {
    }
}
