package dev.skysocket.local.apigw;

import io.vertx.core.http.ServerWebSocketHandshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an upgrade request into the {@link ConnectionContext} every event repeats. Headers pass through as the
 * client sent them, less the hop-by-hop pair, plus the ones API Gateway's front end adds (trace id, forwarding).
 */
final class UpgradeRequests {

    private UpgradeRequests() {
    }

    static ConnectionContext read(ServerWebSocketHandshake handshake, int listenerPort) {
        String sourceIp = handshake.remoteAddress().hostAddress();
        long now = System.currentTimeMillis();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String forwardedFor = null;
        for (Map.Entry<String, String> header : handshake.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Upgrade")) {
                continue; // API Gateway does not pass these to the integration
            }
            if (name.equalsIgnoreCase("X-Forwarded-For")) {
                forwardedFor = header.getValue();
                continue;
            }
            headers.add(Map.entry(name, header.getValue()));
        }
        headers.add(Map.entry("X-Amzn-Trace-Id", AwsIds.newTraceId(now)));
        headers.add(Map.entry("X-Forwarded-For", forwardedFor == null ? sourceIp : forwardedFor + ", " + sourceIp));
        headers.add(Map.entry("X-Forwarded-Port", Integer.toString(listenerPort)));
        // "http" tells the backend to build an http:// callback URL from domainName and stage; AWS says "https".
        headers.add(Map.entry("X-Forwarded-Proto", "http"));
        return new ConnectionContext(AwsIds.newId(), now, sourceIp, handshake.headers().get("User-Agent"), headers,
                handshake.query());
    }
}
