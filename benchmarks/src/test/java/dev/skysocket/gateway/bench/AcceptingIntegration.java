package dev.skysocket.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.local.apigw.WebSocketIntegration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Accepts every {@code $connect} with 200 and ignores messages. Each client connects with {@code ?client=<index>},
 * so the connection id from the event's {@code requestContext} is filed under that index whatever order the
 * upgrades finish in.
 */
final class AcceptingIntegration implements WebSocketIntegration {

    static final String CLIENT_PARAMETER = "client";
    private static final String OK = "{\"statusCode\":200}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AtomicReferenceArray<String> connectionIds;

    AcceptingIntegration(int clients) {
        connectionIds = new AtomicReferenceArray<>(clients);
    }

    @Override
    public String invoke(String routeKey, String eventJson) throws Exception {
        if (!routeKey.equals("$connect")) {
            return null;
        }
        JsonNode event = MAPPER.readTree(eventJson);
        String index = event.path("queryStringParameters").path(CLIENT_PARAMETER).asText(null);
        String connectionId = event.path("requestContext").path("connectionId").asText(null);
        if (index == null || connectionId == null) {
            return "{\"statusCode\":400}";
        }
        connectionIds.set(Integer.parseInt(index), connectionId);
        return OK;
    }

    /** The connection id of every client, by client index; fails if one has not connected. */
    List<String> connectionIds() {
        List<String> ids = new ArrayList<>(connectionIds.length());
        for (int i = 0; i < connectionIds.length(); i++) {
            String id = connectionIds.get(i);
            if (id == null) {
                throw new IllegalStateException("client " + i + " has no connection id");
            }
            ids.add(id);
        }
        return ids;
    }
}
