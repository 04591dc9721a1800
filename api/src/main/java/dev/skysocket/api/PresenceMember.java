package dev.skysocket.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One member of a presence room ({@link Socket#joinPresence}): a user, however many of their sockets are in the
 * room, or an anonymous socket.
 *
 * @param id   the user id ({@link Socket#user()}) when the connection's identity names a user, else the socket id
 * @param user the user info the member joined with: by default the identity's user id as a JSON string, or JSON
 *             {@code null} for an anonymous socket; never Java null
 */
public record PresenceMember(String id, JsonNode user) {
}
