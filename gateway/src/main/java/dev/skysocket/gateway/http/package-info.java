/**
 * The only package that touches Vert.x HTTP: binds the Engine.IO path, adapts polling requests and websockets
 * to {@link dev.skysocket.gateway.engine.EngineServer}, writes Engine.IO's JSON errors, CORS for configured
 * Origins, the session-secret cookie and the sticky cookie (on the polling handshake and on every 101), and
 * the plain {@code /health} route for the ALB, and the demo page with its client bundle (a fixed list of paths).
 *
 * <p>Must not hold session state of its own, and must not import Socket.IO or store types.
 */
package dev.skysocket.gateway.http;
