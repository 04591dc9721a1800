package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.api.PresenceMember;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A presence member's user info as the member item's {@code userInfo} JSON holds it:
 * {@code {"user": <id or null>, "claims": {name: value}}}. An item written before claims were kept holds the bare
 * user value (a JSON string or {@code null}); it reads as that user without claims.
 */
final class PresenceInfo {
    private PresenceInfo() {
    }

    static PresenceMember of(StoredSocket socket, String memberId) {
        JsonNode user = socket.user() != null ? JsonNodeFactory.instance.textNode(socket.user())
                : JsonNodeFactory.instance.nullNode();
        return new PresenceMember(memberId, user, socket.connection().claims());
    }

    static String write(PresenceMember member) {
        return JsonValues.write(member.info());
    }

    static PresenceMember read(String memberId, String json) {
        JsonNode stored = json == null ? JsonNodeFactory.instance.nullNode() : JsonValues.read(json);
        if (!stored.isObject()) {
            return new PresenceMember(memberId, stored);
        }
        Map<String, String> claims = new LinkedHashMap<>();
        stored.path("claims").fields().forEachRemaining(claim -> {
            if (claim.getValue().isTextual()) {
                claims.put(claim.getKey(), claim.getValue().textValue());
            }
        });
        return new PresenceMember(memberId, stored.path("user").isMissingNode() ? null : stored.get("user"), claims);
    }
}
