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
 * @param headerTimeoutMs a request whose headers are not all in this long after the connection was accepted
 *                       (or, kept alive, after the request's first byte) closes it ({@link HeaderDeadline}); 10 s
 */
public record EngineHttpSettings(String host, int port, String path, Set<String> allowedOrigins,
                                 StickyCookie stickyCookie, int eventLoops, long headerTimeoutMs) {
    public EngineHttpSettings {
        if (headerTimeoutMs < 1) {
            throw new IllegalArgumentException("headerTimeoutMs must be positive, got " + headerTimeoutMs);
        }
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (eventLoops < 0) {
            throw new IllegalArgumentException("eventLoops must be 0 (one per processor) or more, got " + eventLoops);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        path = path.endsWith("/") ? path : path + "/";
    }

    public EngineHttpSettings(String host, int port, String path, Set<String> allowedOrigins,
                              StickyCookie stickyCookie, int eventLoops) {
        this(host, port, path, allowedOrigins, stickyCookie, eventLoops, HeaderDeadline.DEFAULT_MS);
    }

    public static EngineHttpSettings defaults() {
        return new EngineHttpSettings("127.0.0.1", 3000, "/socket.io/", Set.of(), null, 0);
    }

    public EngineHttpSettings withPort(int port) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, stickyCookie, eventLoops, headerTimeoutMs);
    }

    public EngineHttpSettings withAllowedOrigins(Set<String> origins) {
        return new EngineHttpSettings(host, port, path, origins, stickyCookie, eventLoops, headerTimeoutMs);
    }

    public EngineHttpSettings withStickyCookie(StickyCookie cookie) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, cookie, eventLoops, headerTimeoutMs);
    }

    public EngineHttpSettings withEventLoops(int loops) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, stickyCookie, loops, headerTimeoutMs);
    }

    public EngineHttpSettings withHeaderTimeoutMs(long timeoutMs) {
        return new EngineHttpSettings(host, port, path, allowedOrigins, stickyCookie, eventLoops, timeoutMs);
    }

    /** How many listeners {@link EngineHttpServer} starts, one per event loop. */
    int listeners() {
        return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    }
}
