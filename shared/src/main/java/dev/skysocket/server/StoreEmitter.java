package dev.skysocket.server;

import dev.skysocket.api.BroadcastOperator;
import dev.skysocket.api.Emitter;
import java.util.Set;

/** An {@link Emitter} over the store and fan-out, scoped to one tenant. */
public final class StoreEmitter implements Emitter {
    private final ServerContext ctx;
    private final String tenant;

    public StoreEmitter(ServerContext ctx, String tenant) {
        this.ctx = ctx;
        this.tenant = tenant;
    }

    @Override
    public BroadcastOperator of(String namespace) {
        if (namespace == null || !namespace.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/': " + namespace);
        }
        return new StoredBroadcast(ctx, tenant, namespace, Set.of(), Set.of(), Set.of());
    }
}
