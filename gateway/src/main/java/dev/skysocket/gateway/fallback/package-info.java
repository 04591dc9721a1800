/**
 * The fallback gateway assembled (DESIGN §7): one {@link dev.skysocket.gateway.node.GatewayNode}, the Engine.IO
 * server that calls it, and the HTTP binding in front, read from settings. It owns only wiring and start/stop
 * order; behaviour lives in {@code gateway.engine}, {@code gateway.http} and {@code gateway.node}.
 *
 * <p>Must not import {@code dev.skysocket.local.apigw} or {@code dev.skysocket.local}: the local runner
 * uses this package, not the other way round.
 */
package dev.skysocket.gateway.fallback;
