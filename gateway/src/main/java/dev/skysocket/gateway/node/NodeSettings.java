package dev.skysocket.gateway.node;

import dev.skysocket.config.Settings;
import dev.skysocket.gateway.http.HeaderDeadline;

/**
 * Settings of one gateway node's private Management API, read beside the shared {@code SkysocketConfig}.
 *
 * @param host            the listener's bind address. Default loopback; on Fargate set {@code 0.0.0.0} so other
 *                        tasks reach it (the security group must admit only the service's own tasks: the listener
 *                        checks that a SigV4 header is present, not that it is valid)
 * @param port            the listener's port, default 3002; 0 picks a free one (tests)
 * @param basePath        a path prefix before {@code /@connections}, default none (like a stage, if wanted)
 * @param advertisedUrl   the base URL stored as every session's endpoint, the one other nodes and Lambda post to
 *                        ({@code skysocket.gateway-management-url}); null derives
 *                        {@code http://127.0.0.1:<port><basePath>}. On Fargate: the task's private IP
 * @param maxMessageBytes largest POST body, default 128 KB as on API Gateway
 * @param localDelivery   deliver frames for this node's own sessions directly instead of posting to its own
 *                        private API ({@code skysocket.gateway-local-delivery}, default true: a broadcast to
 *                        1,000 local sessions costs ~45 ms of CPU this way against ~1,200 ms looping through signed
 *                        HTTP to itself; see docs/benchmarks.md). Other nodes and Lambda still post to the private API
 * @param headerTimeoutMs a request whose headers are not all in this long after the connection was accepted
 *                        (or, kept alive, after the request's first byte) closes it
 *                        ({@code skysocket.http-header-timeout-ms}, default 10 s)
 */
public record NodeSettings(String host, int port, String basePath, String advertisedUrl, int maxMessageBytes,
                           boolean localDelivery, long headerTimeoutMs) {

    public static final int DEFAULT_PORT = 3002;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024;

    public NodeSettings {
        basePath = normalizePath(basePath);
        advertisedUrl = advertisedUrl == null || advertisedUrl.isBlank() ? null : stripSlash(advertisedUrl.trim());
        if (port < 0 || port > 65_535 || maxMessageBytes < 1 || headerTimeoutMs < 1) {
            throw new IllegalArgumentException("the gateway management port must be 0-65535 and the message limit "
                    + "and header timeout positive");
        }
    }

    public NodeSettings(String host, int port, String basePath, String advertisedUrl, int maxMessageBytes) {
        this(host, port, basePath, advertisedUrl, maxMessageBytes, true, HeaderDeadline.DEFAULT_MS);
    }

    public static NodeSettings from(Settings s) {
        return new NodeSettings(
                s.string("skysocket.gateway-management-host", "127.0.0.1"),
                s.intValue("skysocket.gateway-management-port", DEFAULT_PORT),
                s.string("skysocket.gateway-management-base-path", ""),
                s.string("skysocket.gateway-management-url", null),
                s.intValue("skysocket.gateway-management-max-bytes", DEFAULT_MAX_MESSAGE_BYTES),
                s.bool("skysocket.gateway-local-delivery", true),
                HeaderDeadline.configured(s));
    }

    /** Loopback on a free port: for tests and for a node run beside the local stack. */
    public static NodeSettings loopback() {
        return new NodeSettings("127.0.0.1", 0, "", null, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public NodeSettings withLocalDelivery(boolean enabled) {
        return new NodeSettings(host, port, basePath, advertisedUrl, maxMessageBytes, enabled, headerTimeoutMs);
    }

    public NodeSettings withHeaderTimeoutMs(long timeoutMs) {
        return new NodeSettings(host, port, basePath, advertisedUrl, maxMessageBytes, localDelivery, timeoutMs);
    }

    /** The URL to store as endpoint, once the listener's actual port is known. */
    String urlFor(int actualPort) {
        return advertisedUrl != null ? advertisedUrl : "http://127.0.0.1:" + actualPort + basePath;
    }

    private static String normalizePath(String path) {
        if (path == null || path.isBlank() || "/".equals(path.trim())) {
            return "";
        }
        String trimmed = stripSlash(path.trim());
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private static String stripSlash(String value) {
        String out = value;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
