package dev.skysocket.gateway.fallback;

import dev.skysocket.config.Settings;
import dev.skysocket.gateway.http.EngineHttpSettings;
import dev.skysocket.gateway.http.HeaderDeadline;
import dev.skysocket.gateway.http.StickyCookie;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The public side of a fallback gateway node, read beside {@code SkysocketConfig} and {@code NodeSettings}.
 *
 * @param host          bind address ({@code skysocket.gateway-host}, default loopback; {@code 0.0.0.0} on Fargate)
 * @param port          public port ({@code skysocket.gateway-port}, default 3000; 0 picks a free one)
 * @param path          the Engine.IO path ({@code skysocket.gateway-path}, default {@code /socket.io/})
 * @param stickyCookie  the ALB {@code app_cookie} name ({@code skysocket.sticky-cookie}, default
 *                      {@code skysocket-node}); its value is random per node, so it names this node
 * @param pollingSecret give polling sessions an HttpOnly secret cookie ({@code skysocket.polling-secret},
 *                      default true) that locks the session once its client sends it back. Browsers keep it,
 *                      socket.io-client under Node only with {@code withCredentials: true} (its cookie jar);
 *                      a client that keeps no cookies is served all the same
 * @param eventLoops    event loops serving the public port ({@code skysocket.gateway-event-loops}, default 0: one
 *                      per vCPU the JVM sees), each holding its share of the websockets
 * @param headerTimeoutMs bound on the time a request's headers may take ({@code skysocket.http-header-timeout-ms},
 *                      default 10 s), on the public and the private listener
 */
public record FallbackSettings(String host, int port, String path, String stickyCookie, boolean pollingSecret,
                               int eventLoops, long headerTimeoutMs) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static FallbackSettings from(Settings s) {
        return new FallbackSettings(
                s.string("skysocket.gateway-host", "127.0.0.1"),
                s.intValue("skysocket.gateway-port", 3000),
                s.string("skysocket.gateway-path", "/socket.io/"),
                s.string("skysocket.sticky-cookie", "skysocket-node"),
                s.bool("skysocket.polling-secret", true),
                s.intValue("skysocket.gateway-event-loops", 0),
                HeaderDeadline.configured(s));
    }

    /** The HTTP binding's settings, with a sticky cookie value drawn once for this node. */
    EngineHttpSettings http(Set<String> allowedOrigins) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String node = HexFormat.of().formatHex(id);
        return new EngineHttpSettings(host, port, path, allowedOrigins, new StickyCookie(stickyCookie, () -> node),
                eventLoops, headerTimeoutMs);
    }
}
