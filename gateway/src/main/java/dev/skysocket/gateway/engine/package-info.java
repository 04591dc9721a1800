/**
 * The Engine.IO v4 server as plain Java: handshake checks and error codes, sessions with their outbound buffer,
 * long-poll wake-up, heartbeat, websocket upgrade, and the per-session ordered listener queue. Testable in
 * memory through {@link dev.skysocket.gateway.engine.PollResponder} and
 * {@link dev.skysocket.gateway.engine.WebSocketChannel}.
 *
 * <p>Must not import any HTTP server library (Vert.x, Netty), nor Socket.IO types: sessions carry Engine.IO
 * packets only.
 */
package dev.skysocket.gateway.engine;
