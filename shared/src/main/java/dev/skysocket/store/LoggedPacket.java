package dev.skysocket.store;

import java.util.List;
import java.util.Set;

/**
 * One replayable packet as it was sent: its offset, whom it was for, and its Engine.IO frames (the offset already
 * appended to its arguments), so a replay posts exactly the bytes the live delivery posted.
 *
 * @param rooms         the rooms it went to; a socket's own id is a room
 * @param exceptRooms   members of these rooms did not get it
 * @param exceptSockets these sockets did not get it
 */
public record LoggedPacket(String offset, Set<String> rooms, Set<String> exceptRooms, Set<String> exceptSockets,
                           List<String> frames) {
    public LoggedPacket {
        rooms = Set.copyOf(rooms);
        exceptRooms = Set.copyOf(exceptRooms);
        exceptSockets = Set.copyOf(exceptSockets);
        frames = List.copyOf(frames);
    }
}
