package dev.skysocket.server;

import java.util.Set;

/**
 * Emits from outside any socket handler (a backend job, the publish endpoint): {@code emitter.of("/").to("room")
 * .emit("news", item)}. Scoped to one tenant, so it can never reach another tenant's rooms.
 */
public final class Emitter {
    private final ServerContext ctx;
    private final String tenant;

    public Emitter(ServerContext ctx, String tenant) {
        this.ctx = ctx;
        this.tenant = tenant;
    }

    /** The whole namespace; narrow it with {@code to(...)}. */
    public BroadcastOperator of(String namespace) {
        if (namespace == null || !namespace.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/': " + namespace);
        }
        return new BroadcastOperator(ctx, tenant, namespace, Set.of(), Set.of(), Set.of());
    }
}
