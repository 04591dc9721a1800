/**
 * The gateway's one HTTP binding: the only gateway code that imports Vert.x or Netty (the engine, the node, the
 * {@code management} contract and the fallback wiring import none; {@code http.management} holds the
 * {@code @connections} route and the node's private listener). This package is the engine's binding: it binds the
 * Engine.IO path, adapts polling requests and websockets to {@link dev.skysocket.gateway.engine.EngineServer},
 * writes Engine.IO's JSON errors, CORS for configured Origins, the session-secret cookie and the sticky cookie (on the polling handshake, on every 101, and on a
 * polling answer whose request came without it or with another node's), the
 * plain {@code /health} route for the ALB, and the demo page with its client bundle (a fixed list of paths).
 * A polling request or upgrade for a sid another node owns (a lost affinity) is proxied to that node's private listener under {@code /engine<path>}, where
 * {@link dev.skysocket.gateway.http.EngineHttpServer#forwardedRoute()} serves it through the same checks; a
 * forwarded request is never forwarded again. Who owns a sid comes from an
 * {@link dev.skysocket.gateway.http.OwnerLookup} the wiring supplies.
 *
 * Each listener owns its Vert.x instance ({@link dev.skysocket.gateway.http.EngineHttpServer} here, the private
 * listener in {@code http.management}): created on start, closed on close.
 *
 * <p>It is also every listener's guard against hostile input (the private listener and the local emulator use the
 * same classes): {@link dev.skysocket.gateway.http.MalformedRequests} (400 for a broken query escape or websocket
 * key), {@link dev.skysocket.gateway.http.HeaderDeadline} (408 for slow request headers),
 * {@link dev.skysocket.gateway.http.CloseHandshakeGuard} (close frames that get out, undefined close statuses), and
 * on the gateway's websockets {@code InboundFrames} with {@code WebSocketLimits} (RFC 6455 close statuses 1002,
 * 1007, 1008, 1009), whose message bookkeeping {@link dev.skysocket.gateway.http.MessageAssembly} the emulator
 * shares.
 *
 * <p>Must not hold session state of its own, and must not import Socket.IO, store, fan-out or node types
 * (enforced by {@code GatewayArchitectureTest}).
 */
package dev.skysocket.gateway.http;
