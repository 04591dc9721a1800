package dev.skysocket.local.apigw;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The connections the Management API can see: added only once {@code $connect} has returned and the 101 is sent,
 * removed as soon as closing starts. Anything else answers 410, as on AWS.
 */
final class ConnectionRegistry {

    private final ConcurrentMap<String, EmulatedConnection> open = new ConcurrentHashMap<>();

    void add(EmulatedConnection connection) {
        open.put(connection.id(), connection);
    }

    void remove(EmulatedConnection connection) {
        open.remove(connection.id(), connection);
    }

    Optional<EmulatedConnection> find(String connectionId) {
        return Optional.ofNullable(open.get(connectionId));
    }

    Collection<EmulatedConnection> snapshot() {
        return List.copyOf(open.values());
    }
}
