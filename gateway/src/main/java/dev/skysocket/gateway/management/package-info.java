/**
 * The one {@code @connections} route (API Gateway's Management API shapes) and the contract it reaches,
 * {@link dev.skysocket.gateway.management.ConnectionTargets}: the emulator implements it over its WebSocket
 * connections, a gateway node over its Engine.IO sessions. What differs between the two (size limit, the
 * authorization check, the emulator's scripted faults) comes in as parameters or lives in the implementation.
 * Vert.x request and response types only; no session or store types.
 */
package dev.skysocket.gateway.management;
