/**
 * What the two {@code @connections} listeners share: the emulator's (API Gateway's Management API, locally) and
 * the gateway node's private one. Vert.x request and response types only; no session or store types.
 */
package dev.skysocket.gateway.management;
