package dev.skysocket.gateway.http;

import java.util.Set;

/**
 * Where and how the Engine.IO server listens.
 *
 * @param host           interface to bind; 127.0.0.1 unless told otherwise
 * @param port           3000 by default; 0 picks a free port
 * @param path           the Engine.IO path, {@code /socket.io/} for Socket.IO clients
 * @param allowedOrigins Origins that get CORS headers (echoed, with credentials); empty: no CORS at all
 * @param stickyCookie   the ALB stickiness cookie, or null
 */
public record EngineHttpSettings(String host, int port, String path, Set<String> allowedOrigins,
                                 StickyCookie stickyCookie) {
    public EngineHttpSettings {
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        path = path.endsWith("/") ? path : path + "/";
    }

    public static EngineHttpSettings defaults() {
        return new EngineHttpSettings("127.0.0.1", 3000, "/socket.io/", Set.of(), null);
    }

    public EngineHttpSettings withPort(int port) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, stickyCookie);
    }

    public EngineHttpSettings withAllowedOrigins(Set<String> origins) {
        return new EngineHttpSettings(host, port, path, origins, stickyCookie);
    }

    public EngineHttpSettings withStickyCookie(StickyCookie cookie) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, cookie);
    }
}
