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
 * @param eventLoops     event loops that accept and serve connections, each holding its share of the websockets;
 *                       0: one per available processor
 */
public record EngineHttpSettings(String host, int port, String path, Set<String> allowedOrigins,
                                 StickyCookie stickyCookie, int eventLoops) {
    public EngineHttpSettings {
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (eventLoops < 0) {
            throw new IllegalArgumentException("eventLoops must be 0 (one per processor) or more, got " + eventLoops);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        path = path.endsWith("/") ? path : path + "/";
    }

    public static EngineHttpSettings defaults() {
        return new EngineHttpSettings("127.0.0.1", 3000, "/socket.io/", Set.of(), null, 0);
    }

    public EngineHttpSettings withPort(int port) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, stickyCookie, eventLoops);
    }

    public EngineHttpSettings withAllowedOrigins(Set<String> origins) {
        return new EngineHttpSettings(host, port, path, origins, stickyCookie, eventLoops);
    }

    public EngineHttpSettings withStickyCookie(StickyCookie cookie) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, cookie, eventLoops);
    }

    public EngineHttpSettings withEventLoops(int loops) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, stickyCookie, loops);
    }

    /** How many listeners {@link EngineHttpServer} starts, one per event loop. */
    int listeners() {
        return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }
}
