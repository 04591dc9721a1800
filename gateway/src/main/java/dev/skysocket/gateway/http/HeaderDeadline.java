package dev.skysocket.gateway.http;

import dev.skysocket.config.Settings;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.SocketAddress;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a connection whose first request's headers have not all arrived this long after it was accepted, so a
 * client dribbling headers a byte at a time (slowloris) holds a connection for seconds, not for the idle timeout.
 * Vert.x has no such bound of its own; its idle timeout resets on every byte. A kept-alive connection's later
 * requests stay bounded by the listener's idle timeout. The server must have HTTP/2 cleartext off: with it on,
 * Vert.x makes the connection (and calls the connection handler) only once the first request's headers are in.
 * One instance per listener; thread-safe.
 */
public final class HeaderDeadline {
    public static final String SETTING = "skysocket.http-header-timeout-ms";
    public static final long DEFAULT_MS = 10_000;
    private static final System.Logger LOG = System.getLogger(HeaderDeadline.class.getName());

    private final long timeoutMs;
    /** Connections accepted whose first request has not arrived yet, by remote address (one per TCP peer). */
    private final Map<String, Object> waiting = new ConcurrentHashMap<>();

    public HeaderDeadline(long timeoutMs) {
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("the header timeout must be positive, got " + timeoutMs);
        }
        this.timeoutMs = timeoutMs;
    }

    /** The configured bound ({@value #SETTING}, default 10 s); a value under 1 ms fails at start. */
    public static long configured(Settings settings) {
        long value = settings.longValue(SETTING, DEFAULT_MS);
        if (value < 1) {
            throw new IllegalArgumentException("setting " + SETTING + " (" + Settings.envName(SETTING)
                    + ") must be positive, got " + value);
        }
        return value;
    }

    /** The server's connection handler: starts the clock on the connection's event loop. */
    public Handler<HttpConnection> onConnection() {
        return connection -> {
            String key = key(connection.remoteAddress());
            Context context = Vertx.currentContext();
            if (key == null || context == null) {
                return;
            }
            Object token = new Object();
            waiting.put(key, token);
            context.owner().setTimer(timeoutMs, id -> {
                // remove(key, token): a later connection from the same address owns a fresh token.
                if (waiting.remove(key, token)) {
                    LOG.log(Level.INFO, "event=http_header_timeout remote={0} timeout_ms={1}", key,
                            String.valueOf(timeoutMs));
                    connection.close();
                }
            });
        };
    }

    /** {@code handler}, once the request's headers are complete: the connection is off the clock. */
    public Handler<HttpServerRequest> requests(Handler<HttpServerRequest> handler) {
        return request -> {
            arrived(request.remoteAddress());
            handler.handle(request);
        };
    }

    /** Likewise for a server that takes upgrades through a handshake handler. */
    public Handler<ServerWebSocketHandshake> handshakes(Handler<ServerWebSocketHandshake> handler) {
        return handshake -> {
            arrived(handshake.remoteAddress());
            handler.handle(handshake);
        };
    }

    private void arrived(SocketAddress remote) {
        String key = key(remote);
        if (key != null) {
            waiting.remove(key);
        }
    }

    private static String key(SocketAddress remote) {
        return remote == null ? null : remote.host() + ":" + remote.port();
    }
}
