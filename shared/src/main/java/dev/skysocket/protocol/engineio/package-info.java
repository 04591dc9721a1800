/**
 * Engine.IO v4 packets: text frames, binary frames, {@code b<base64>} binary on text-only paths, and polling
 * payloads joined by the record separator {@code \u001e}. Knows nothing of namespaces or Socket.IO.
 *
 * <p>Must import only {@code java.*}, {@code com.fasterxml.jackson.*} and {@code dev.skysocket.protocol}.
 */
package dev.skysocket.protocol.engineio;
