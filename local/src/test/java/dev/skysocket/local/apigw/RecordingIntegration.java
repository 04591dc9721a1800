package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An integration that records every event it gets and answers through per-route behaviours set by the test. */
final class RecordingIntegration implements WebSocketIntegration {

    /** One route's behaviour: the event in, the proxy response JSON out. */
    @FunctionalInterface
    interface Route {
        String handle(JsonNode event) throws Exception;
    }

    /** One recorded invocation. */
    record Call(String routeKey, JsonNode event, String thread) {

        String connectionId() {
            return event.path("requestContext").path("connectionId").asText();
        }
    }

    static final String OK = "{\"statusCode\":200}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    RecordingIntegration on(String routeKey, Route route) {
        routes.put(routeKey, route);
        return this;
    }

    @Override
    public String invoke(String routeKey, String eventJson) throws Exception {
        JsonNode event = MAPPER.readTree(eventJson);
        calls.add(new Call(routeKey, event, Thread.currentThread().getName()));
        Route route = routes.get(routeKey);
        return route == null ? OK : route.handle(event);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String routeKey) {
        return calls.stream().filter(call -> call.routeKey().equals(routeKey)).toList();
    }

    List<Call> calls(String routeKey, String connectionId) {
        return calls(routeKey).stream().filter(call -> call.connectionId().equals(connectionId)).toList();
    }
}
