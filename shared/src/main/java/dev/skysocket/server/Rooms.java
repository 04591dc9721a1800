package dev.skysocket.server;

/** Room names with a meaning of their own, and the check on names apps pass in. */
final class Rooms {
    /** Every socket of a namespace is a member, so {@code io.of(ns).emit} is one room query. */
    static final String EVERYONE = "\u0000everyone";
    static final int MAX_ROOM_LENGTH = 512;

    private Rooms() {
    }

    /** Rooms are any non-empty text without control characters, so no app room can be the reserved one. */
    static String checked(String room) {
        if (room == null || room.isEmpty() || room.length() > MAX_ROOM_LENGTH) {
            throw new IllegalArgumentException("a room name has 1 to " + MAX_ROOM_LENGTH + " characters");
        }
        for (int i = 0; i < room.length(); i++) {
            if (Character.isISOControl(room.charAt(i))) {
                throw new IllegalArgumentException("a room name may not contain control characters");
            }
        }
        return room;
    }
}
