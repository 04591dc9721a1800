/**
 * Wire codecs for Engine.IO v4 and Socket.IO v5 (DESIGN §2, layer 1): the shared limits ({@link
 * dev.skysocket.protocol.CodecLimits}) and the one typed error ({@link dev.skysocket.protocol.ProtocolException})
 * that every decoder throws. Codecs are pure: no I/O, no state beyond their limits.
 *
 * <p>Must import only {@code java.*} and {@code com.fasterxml.jackson.*}; no AWS, Quarkus, HTTP or store types
 * (enforced by {@code ProtocolArchitectureTest}).
 */
package dev.skysocket.protocol;
