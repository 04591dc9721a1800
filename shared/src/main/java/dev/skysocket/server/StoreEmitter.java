package dev.skysocket.server;

import dev.skysocket.api.BroadcastOperator;
import dev.skysocket.api.Emitter;
import java.time.Duration;
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

    @Override
    public int revoke(String user, Duration refuseFor) {
        return new UserRevocation(ctx, tenant).revoke(user, refuseFor);
    }

    @Override
    public int revoke(String user) {
        return revoke(user, Duration.ofMillis(ctx.config().revocation().refuseForMs()));
    }
}
