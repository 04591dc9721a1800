/**
 * One Fargate gateway node as a Socket.IO server (DESIGN §7): {@link dev.skysocket.gateway.node.GatewaySessions}
 * turns Engine.IO sessions into stored connections and hands their messages to the shared {@code server} layer
 * ({@code SocketDisconnectReasons} is the one place an Engine.IO close reason becomes a Socket.IO disconnect reason);
 * {@link dev.skysocket.gateway.node.SessionDirectory} holds the sessions living here;
 * {@link dev.skysocket.gateway.node.SessionTargets} offers these sessions as {@code gateway.management}'s
 * {@code ConnectionTargets}, which the private listener (a {@code ManagementListener} the HTTP binding implements,
 * started before any session opens and closed with the node) serves as the {@code @connections} route so the
 * unchanged {@code ManagementApiFanout} reaches them;
 * {@link dev.skysocket.gateway.node.LocalDelivery} (optional) skips HTTP for this node's own sessions; {@code SessionRotation} closes sessions before their items' TTL;
 * {@link dev.skysocket.gateway.node.GatewayNode} wires it. {@link dev.skysocket.gateway.node.Readiness} is read by
 * {@code /health} and the engine's handshake admission; {@link dev.skysocket.gateway.node.DrainController} turns it
 * off and closes sessions spread over the drain window, run on SIGTERM by
 * {@link dev.skysocket.gateway.node.ShutdownDrain}.
 *
 * <p>No store error leaves a session callback: the DynamoDB client's own retries are the only ones (nothing here
 * retries on top of them), and past them only the one session is closed.
 *
 * <p>{@code LocalRooms} indexes the room memberships of this node's own sockets in memory, written through by
 * {@code IndexedRoomStore} (joins, leaves), {@code IndexedSocketStore} (sockets stored and removed) and
 * {@code IndexedConnectionStore} (connections removed); every one of these for an owned session runs on its owner,
 * so a broadcast asks DynamoDB only for the members on other endpoints. A session's reads are held between its
 * events ({@code ReadScope.withHeldRead}, from the DynamoDB store the node is wired with) for the same reason.
 *
 * <p>Sessions share the DynamoDB table with API Gateway connections, so rooms span both. Their items carry a
 * pingDueAt that never comes (the engine runs their heartbeat, not the sweep), and their endpoint is this node's
 * private Management API URL.
 *
 * <p>Must not import {@code dev.skysocket.local.apigw} (the emulator) or {@code dev.skysocket.store.dynamodb}
 * (the DynamoDB model is wired elsewhere), nor {@code dev.skysocket.gateway.http} beyond {@code HeaderDeadline}'s
 * default and setting for the header timeout (read into {@code NodeSettings} and handed to the listener); it sees
 * the engine only through {@code dev.skysocket.gateway.engine}'s contracts. No Vert.x or Netty at all: session
 * rotation runs on a plain scheduled thread (enforced by {@code GatewayArchitectureTest}).
 */
package dev.skysocket.gateway.node;
