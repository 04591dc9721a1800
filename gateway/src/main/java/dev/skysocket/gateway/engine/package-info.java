/**
 * The Engine.IO v4 server as plain Java: handshake checks and error codes ({@code EngineServer}), and one
 * {@code ServerSession} per client owning its lifecycle, heartbeat and per-session ordered listener queue (a
 * {@code gateway.concurrent.SerialExecutor}). A
 * session's transports are parts of it: {@code PollingTransport} (buffer, long-poll wake-up, POST bodies) and
 * {@code WebSocketTransport} (the socket that carries it, one frame per packet), with {@code PollingUpgrade}
 * moving a polling session to a websocket. Sessions end for an {@link dev.skysocket.gateway.engine.EngineCloseReason},
 * which the layer above maps to its own reasons. Testable in memory through
 * {@link dev.skysocket.gateway.engine.PollResponder} and {@link dev.skysocket.gateway.engine.WebSocketChannel}.
 *
 * <p>Must not import any HTTP server library (Vert.x, Netty), nor Socket.IO types: sessions carry Engine.IO
 * packets only. Imports only the JDK, the Engine.IO codecs, the settings and {@code dev.skysocket.gateway.concurrent}
 * (the serial executor) (enforced by {@code GatewayArchitectureTest}).
 */
package dev.skysocket.gateway.engine;
