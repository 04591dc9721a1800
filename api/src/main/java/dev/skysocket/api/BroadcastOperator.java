package dev.skysocket.api;

import java.util.Set;

/**
 * An immutable broadcast target, as in Socket.IO: {@code to}/{@code in} add rooms, {@code except} removes rooms'
 * members; each returns a new operator. No rooms means every socket of the namespace.
 */
public interface BroadcastOperator {

    /** A target that also includes these rooms' members. */
    BroadcastOperator to(String... rooms);

    /** The same as {@link #to}. */
    BroadcastOperator in(String... rooms);

    /** A target without these rooms' members. */
    BroadcastOperator except(String... rooms);

    /**
     * Emits to every target socket, on both paths (API Gateway and the fallback gateway), once per socket.
     *
     * @throws IllegalArgumentException for a name Socket.IO reserves
     */
    EmitReport emit(String event, Object... args);

    /**
     * The same target, emitting only to the sockets that can take the event now (Socket.IO's {@code volatile}
     * flag; a Java keyword): a recipient whose delivery fails is dropped, never retried or queued.
     */
    BroadcastOperator asVolatile();

    /** The rooms targeted (empty: the whole namespace). */
    Set<String> rooms();

    /** The rooms whose members are left out. */
    Set<String> exceptRooms();
}
