package dev.skysocket.api;

/**
 * Emits from outside any socket handler (a backend job, the publish endpoint):
 * {@code emitter.of("/").to("room").emit("news", item)}. Scoped to one tenant, so it can never reach another
 * tenant's rooms.
 */
public interface Emitter {

    /**
     * The whole namespace; narrow it with {@code to(...)}.
     *
     * @throws IllegalArgumentException when the name does not start with {@code /}
     */
    BroadcastOperator of(String namespace);
}
