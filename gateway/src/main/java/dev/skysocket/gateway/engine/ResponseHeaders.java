package dev.skysocket.gateway.engine;

/** Headers of a handshake answer (polling handshake or 101), so the layer above can add a sticky cookie. */
@FunctionalInterface
public interface ResponseHeaders {
    void add(String name, String value);
}
