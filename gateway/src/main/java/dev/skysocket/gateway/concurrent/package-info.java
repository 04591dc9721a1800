/**
 * Concurrency helpers shared by the gateway engine and the local emulator: {@link
 * dev.skysocket.gateway.concurrent.SerialExecutor} keeps one owner's tasks in order on a shared pool.
 * No Vert.x, session or store types.
 */
package dev.skysocket.gateway.concurrent;
