package dev.skysocket.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One member of a presence room ({@link Socket#joinPresence}): a user, however many of their sockets are in the
 * room, or an anonymous socket.
 *
 * @param id     the user id ({@link Socket#user()}) when the connection's identity names a user, else the socket id
 * @param user   the identity's user id as a JSON string, or JSON {@code null} for an anonymous socket; never Java
 *               null
 * @param claims the identity's claims as the member joined with them ({@link Handshake#claims()}: what the
 *               {@code $connect} authorizer passed on beyond tenant and user); empty when none, never null
 */
public record PresenceMember(String id, JsonNode user, Map<String, String> claims) {
    public PresenceMember {
        user = user == null ? JsonNodeFactory.instance.nullNode() : user;
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /** A member whose identity carries no claims. */
    public PresenceMember(String id, JsonNode user) {
        this(id, user, Map.of());
    }

    /**
     * The member's user info as one JSON object, as it is stored: {@code {"user": <user>, "claims": {...}}}, ready
     * to send to clients.
     */
    public ObjectNode info() {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.set("user", user);
        ObjectNode claimsNode = info.putObject("claims");
        claims.forEach(claimsNode::put);
        return info;
    }
}
