/**
 * The fallback gateway assembled (DESIGN §7): one {@link dev.skysocket.gateway.node.GatewayNode}, the Engine.IO
 * server that calls it, and the HTTP binding in front, read from settings. It owns only wiring and start/stop
 * order; behaviour lives in {@code gateway.engine}, {@code gateway.http} and {@code gateway.node}. It hands the node
 * the HTTP binding's private listener ({@code http.management.PrivateManagementApi}, bound as the node's settings
 * say) and mounts the public listener's forwarded route on it, without naming a Vert.x type: each listener owns
 * its Vert.x instance.
 *
 * <p>Must not import {@code dev.skysocket.local.apigw} or {@code dev.skysocket.local}: the local runner
 * uses this package, not the other way round. Must not import Vert.x or Netty (enforced by
 * {@code GatewayArchitectureTest}).
 */
package dev.skysocket.gateway.fallback;
