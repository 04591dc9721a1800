package dev.skysocket.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

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

    // Remote sockets and bulk room operations (Socket.IO's fetchSockets, socketsJoin, socketsLeave,
    // disconnectSockets): they act on the target's sockets on every path and node. The target is resolved when
    // called, one paginated Query per room; an operator made by a socket ({@code socket.to(...)}) leaves that
    // socket out, as in Socket.IO.

    /** The target's sockets, each read from the store when called (its socket and connection items). */
    List<RemoteSocket> fetchSockets();

    /** Makes every target socket join these rooms. */
    void socketsJoin(String... rooms);

    /** Makes every target socket leave these rooms. */
    void socketsLeave(String... rooms);

    /**
     * Disconnects every target socket from its namespace; with {@code closeTransport}, closes their connections
     * instead (their clients reconnect by themselves).
     */
    void disconnectSockets(boolean closeTransport);

    // ---- server-to-client acks ----

    /**
     * The same target with an ack deadline for {@link #emitWithAck}: {@code to("room").timeout(2000)}.
     *
     * @throws IllegalArgumentException when {@code millis} is not positive
     */
    BroadcastOperator timeout(long millis);

    /**
     * Emits to every target socket, with one ack id, and completes with every recipient's answer by socket id.
     * When some recipients have not answered by the timeout (without one: the bound {@link Socket#emitWithAck}
     * describes), fails with {@link AckTimeoutException}, which names them and carries the answers that came.
     * Answers from sockets on other instances travel through the store (one consistent read per waiting socket
     * per poll); an empty target completes at once with no answers.
     *
     * @throws IllegalArgumentException for a name Socket.IO reserves
     */
    CompletionStage<Map<String, Args>> emitWithAck(String event, Object... args);
}
