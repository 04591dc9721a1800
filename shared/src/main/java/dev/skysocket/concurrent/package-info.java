/** Small helpers for code that waits on futures. */
package dev.skysocket.concurrent;
