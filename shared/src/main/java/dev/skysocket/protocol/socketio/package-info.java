/**
 * Socket.IO v5 packets ({@code <type>[<attachments>-][<nsp>,][<ackId>][JSON]}): a strict decoder for what
 * clients send, binary reassembly from placeholders, and an encoder that matches the JavaScript reference
 * parser byte for byte for ordinary packets. Never sees an Engine.IO sid.
 *
 * <p>Must import only {@code java.*}, {@code com.fasterxml.jackson.*} and {@code dev.skysocket.protocol}.
 */
package dev.skysocket.protocol.socketio;
