package dev.skysocket.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a publish call does to its target ({@code "action"}; {@code "emit"} when absent): emit an event, or one of
 * Socket.IO's remote-socket operations. {@code socketsJoin}/{@code socketsLeave} name their rooms in
 * {@code "join"}/{@code "leave"}; {@code disconnectSockets} takes {@code "close"} (default false). {@code revoke}
 * names a {@code "user"} of the tenant and optionally {@code "refuseForMs"} (default: the setting
 * {@code skysocket.revocation-ms}); it ignores namespace and rooms.
 */
sealed interface PublishAction {

    record Emit() implements PublishAction {
    }

    record FetchSockets() implements PublishAction {
    }

    record SocketsJoin(List<String> rooms) implements PublishAction {
    }

    record SocketsLeave(List<String> rooms) implements PublishAction {
    }

    record DisconnectSockets(boolean close) implements PublishAction {
    }

    /** @param refuseFor null for the configured default */
    record Revoke(String user, Duration refuseFor) implements PublishAction {
    }

    /** A year: longer refusals are a ban, which belongs in the app's authorizer, not in an expiring item. */
    long MAX_REFUSE_FOR_MS = 366L * 24 * 3_600_000;

    static PublishAction parse(JsonNode json) throws PublishRequest.Refused {
        JsonNode action = json.path("action");
        if (action.isMissingNode() || action.isNull()) {
            return new Emit();
        }
        if (!action.isTextual()) {
            throw new PublishRequest.Refused(400, "action must be a string");
        }
        return switch (action.asText()) {
            case "emit" -> new Emit();
            case "fetchSockets" -> new FetchSockets();
            case "socketsJoin" -> new SocketsJoin(rooms(json, "join"));
            case "socketsLeave" -> new SocketsLeave(rooms(json, "leave"));
            case "disconnectSockets" -> new DisconnectSockets(close(json));
            case "revoke" -> revoke(json);
            default -> throw new PublishRequest.Refused(400,
                    "action must be emit, fetchSockets, socketsJoin, socketsLeave, disconnectSockets or revoke");
        };
    }

    private static List<String> rooms(JsonNode json, String field) throws PublishRequest.Refused {
        JsonNode value = json.path(field);
        if (!value.isArray() || value.isEmpty()) {
            throw new PublishRequest.Refused(400, field + " must be a non-empty array of room names");
        }
        List<String> rooms = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new PublishRequest.Refused(400, field + " must be a non-empty array of room names");
            }
            rooms.add(item.asText());
        }
        return List.copyOf(rooms);
    }

    private static Revoke revoke(JsonNode json) throws PublishRequest.Refused {
        JsonNode user = json.path("user");
        if (!user.isTextual() || user.asText().isBlank()) {
            throw new PublishRequest.Refused(400, "revoke needs user, a non-empty string");
        }
        JsonNode refuseFor = json.path("refuseForMs");
        if (refuseFor.isMissingNode() || refuseFor.isNull()) {
            return new Revoke(user.asText(), null);
        }
        if (!refuseFor.isIntegralNumber() || !refuseFor.canConvertToLong() || refuseFor.asLong() < 0
                || refuseFor.asLong() > MAX_REFUSE_FOR_MS) {
            throw new PublishRequest.Refused(400, "refuseForMs must be a whole number from 0 to " + MAX_REFUSE_FOR_MS);
        }
        return new Revoke(user.asText(), Duration.ofMillis(refuseFor.asLong()));
    }

    private static boolean close(JsonNode json) throws PublishRequest.Refused {
        JsonNode value = json.path("close");
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new PublishRequest.Refused(400, "close must be true or false");
        }
        return value.asBoolean();
    }
}
