/**
 * The {@code @connections} contract, plain Java: {@link dev.skysocket.gateway.management.ConnectionTargets} (what
 * the route reaches: the emulator's WebSocket connections or a gateway node's Engine.IO sessions),
 * {@link dev.skysocket.gateway.management.PostOutcome} (a post's answer in AWS's terms) and
 * {@link dev.skysocket.gateway.management.ManagementListener} (the listener a node starts before its sessions
 * open). The route in AWS's HTTP shapes and the node's private listener are the HTTP binding's
 * ({@code gateway.http.management}).
 *
 * <p>Must not import the HTTP library (Vert.x, Netty) or session, store and node types (enforced by
 * {@code GatewayArchitectureTest}).
 */
package dev.skysocket.gateway.management;
