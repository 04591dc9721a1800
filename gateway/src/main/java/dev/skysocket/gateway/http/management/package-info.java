/**
 * The {@code @connections} API's Vert.x binding, over {@code gateway.management}'s plain contract:
 * {@link dev.skysocket.gateway.http.management.ManagementRoute} (the one route in AWS's HTTP shapes, reused by the
 * local emulator over its own connections), {@link dev.skysocket.gateway.http.management.ManagementReplies} (AWS's
 * status codes, {@code x-amzn-ErrorType} headers and bodies) and
 * {@link dev.skysocket.gateway.http.management.PrivateManagementApi}, a gateway node's private listener: the route
 * over the node's sessions plus the engine's route for requests other nodes forward under {@code /engine/}, behind
 * the same guards as every listener ({@code MalformedRequests}, {@code HeaderDeadline}, {@code CloseHandshakeGuard}).
 * The private listener owns its Vert.x instance, created when it starts and closed when it closes; a node reaches
 * it only as a {@link dev.skysocket.gateway.management.ManagementListener}.
 *
 * <p>Must not import Socket.IO, store, fan-out, node or fallback types (enforced by {@code GatewayArchitectureTest},
 * like the rest of {@code gateway.http}); its settings come in as
 * {@link dev.skysocket.gateway.http.management.ManagementListenerSettings}.
 */
package dev.skysocket.gateway.http.management;
