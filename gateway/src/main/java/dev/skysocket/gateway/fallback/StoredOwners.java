package dev.skysocket.gateway.fallback;

import dev.skysocket.gateway.http.OwnerLookup;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.ConnectionStore;
import java.util.Optional;

/**
 * The owner of a sid as the store knows it: the endpoint of its connection item, when that is another gateway
 * node's private listener. API Gateway connections (transport websocket, an execute-api endpoint) and this
 * node's own sessions are never forwarded to.
 */
final class StoredOwners implements OwnerLookup {
    private final ConnectionStore connections;
    private final String self;

    StoredOwners(ConnectionStore connections, String self) {
        this.connections = connections;
        this.self = self;
    }

    @Override
    public Optional<String> ownerOf(String sid) {
        return connections.find(sid)
                .filter(c -> "polling".equals(c.transport()))
                .map(ConnectionRecord::endpoint)
                .filter(endpoint -> endpoint != null && !endpoint.equals(self)
                        && (endpoint.startsWith("http://") || endpoint.startsWith("https://")));
    }
}
