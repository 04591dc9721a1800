package dev.skysocket.config;

import dev.skysocket.protocol.CodecLimits;
import java.util.List;
import java.util.Set;

/**
 * The one configuration every path shares, so the API Gateway path and the gateway send the same open packet.
 *
 * @param pingIntervalMs    advertised in the open packet; the heartbeat pings each connection at most this far apart.
 *                          Default 570 s: a pong comes back at most 570 s after the last one plus EventBridge's
 *                          delivery delay, a pass's own time and the round trip, which leaves 30 s under API
 *                          Gateway's 10-minute idle close (sweep passes every 15 s).
 * @param pingTimeoutMs     how long a client may take to answer a ping
 * @param maxPayload        advertised maxPayload; 32 KB because API Gateway closes bigger frames (1009)
 * @param sweepPeriodMs     how often the heartbeat sweep is invoked (EventBridge's schedule, one minute at least)
 * @param sweepPassPeriodMs one invocation sweeps every this often until the next invocation is due; a ping goes
 *                          out up to this much before it is due. Equal to the sweep period: one pass per invocation
 * @param maxConnectionAgeMs connections are rotated (transport closed, client reconnects) past this age, before
 *                          API Gateway's 2-hour hard limit
 * @param tableName         the DynamoDB table
 * @param allowedOrigins    Origins allowed to connect; empty allows any (and requests without an Origin)
 * @param defaultTenant     tenant of connections without an authenticated identity
 * @param fanoutConcurrency most Management API calls in flight per fan-out
 * @param roomShards        partitions each room's membership spreads over (DynamoDB: 1,000 WCU per partition)
 * @param codecLimits       decoder limits, the frame limit following maxPayload
 * @param connectTimeoutMs  a connection that has joined no namespace this long after its handshake is closed
 *                          (Socket.IO's {@code connectTimeout}, default 45 s as there)
 * @param quotas            per-tenant quotas (connections, rooms per socket)
 * @param revocation        how long a revoked user stays refused by default, and when the revocation looks again
 * @param roomDirectory     each endpoint lists itself in a directory item per room it has members in, so a gateway
 *                          node skips the read of other endpoints' members when it knows there are none (on), or
 *                          only lists itself (register), or neither (off)
 */
public record SkysocketConfig(long pingIntervalMs, long pingTimeoutMs, int maxPayload, long sweepPeriodMs,
                              long sweepPassPeriodMs, long maxConnectionAgeMs, String tableName, Set<String> allowedOrigins,
                              String defaultTenant, int fanoutConcurrency, int roomShards,
                              CodecLimits codecLimits, long connectTimeoutMs, TenantQuotas quotas,
                              RevocationSettings revocation, RoomDirectoryMode roomDirectory) {

    /** Socket.IO's default {@code connectTimeout}. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 45_000;
    public static final long API_GATEWAY_IDLE_MS = 10 * 60_000L;
    public static final long API_GATEWAY_MAX_AGE_MS = 2 * 60 * 60_000L;

    public SkysocketConfig {
        allowedOrigins = Set.copyOf(allowedOrigins);
        quotas = quotas == null ? TenantQuotas.DEFAULTS : quotas;
        revocation = revocation == null ? RevocationSettings.DEFAULT : revocation;
        roomDirectory = roomDirectory == null ? RoomDirectoryMode.ON : roomDirectory;
        if (pingIntervalMs < 1 || pingTimeoutMs < 1 || sweepPeriodMs < 1 || maxConnectionAgeMs < 1
                || connectTimeoutMs < 1) {
            throw new IllegalArgumentException("ping interval, ping timeout, sweep period, max age and connect timeout "
                    + "must be positive");
        }
        // socket.io-client sums the two into one timer: past 2^31-1 ms it overflows and disconnects at once.
        if (pingIntervalMs + pingTimeoutMs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ping interval + ping timeout must stay under 2^31-1 ms");
        }
        if (sweepPeriodMs > pingIntervalMs) {
            throw new IllegalArgumentException("the sweep period must not exceed the ping interval");
        }
        // Passes are spaced evenly inside one invocation: a remainder would leave a longer gap before the next one.
        if (sweepPassPeriodMs < 1 || sweepPassPeriodMs > sweepPeriodMs || sweepPeriodMs % sweepPassPeriodMs != 0) {
            throw new IllegalArgumentException("the sweep pass period must be positive and divide the sweep period");
        }
        if (maxPayload < 1 || fanoutConcurrency < 1 || roomShards < 1) {
            throw new IllegalArgumentException("max payload, fan-out concurrency and room shards must be positive");
        }
    }

    /** The default quotas and revocation settings. */
    public SkysocketConfig(long pingIntervalMs, long pingTimeoutMs, int maxPayload, long sweepPeriodMs,
                           long sweepPassPeriodMs, long maxConnectionAgeMs, String tableName,
                           Set<String> allowedOrigins, String defaultTenant, int fanoutConcurrency, int roomShards,
                           CodecLimits codecLimits, long connectTimeoutMs) {
        this(pingIntervalMs, pingTimeoutMs, maxPayload, sweepPeriodMs, sweepPassPeriodMs, maxConnectionAgeMs,
                tableName, allowedOrigins, defaultTenant, fanoutConcurrency, roomShards, codecLimits, connectTimeoutMs,
                TenantQuotas.DEFAULTS, RevocationSettings.DEFAULT, RoomDirectoryMode.ON);
    }

    /** Socket.IO's default connect timeout. */
    public SkysocketConfig(long pingIntervalMs, long pingTimeoutMs, int maxPayload, long sweepPeriodMs,
                           long sweepPassPeriodMs, long maxConnectionAgeMs, String tableName,
                           Set<String> allowedOrigins, String defaultTenant, int fanoutConcurrency, int roomShards,
                           CodecLimits codecLimits) {
        this(pingIntervalMs, pingTimeoutMs, maxPayload, sweepPeriodMs, sweepPassPeriodMs, maxConnectionAgeMs,
                tableName, allowedOrigins, defaultTenant, fanoutConcurrency, roomShards, codecLimits,
                DEFAULT_CONNECT_TIMEOUT_MS);
    }

    /** One sweep pass per invocation (the pass period equals the sweep period). */
    public SkysocketConfig(long pingIntervalMs, long pingTimeoutMs, int maxPayload, long sweepPeriodMs,
                           long maxConnectionAgeMs, String tableName, Set<String> allowedOrigins,
                           String defaultTenant, int fanoutConcurrency, int roomShards, CodecLimits codecLimits) {
        this(pingIntervalMs, pingTimeoutMs, maxPayload, sweepPeriodMs, sweepPeriodMs, maxConnectionAgeMs, tableName,
                allowedOrigins, defaultTenant, fanoutConcurrency, roomShards, codecLimits);
    }

    public static SkysocketConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    public static SkysocketConfig fromEnvironment() {
        return from(Settings.system());
    }

    public static SkysocketConfig from(Settings s) {
        int maxPayload = s.intValue("skysocket.max-payload", 32 * 1024);
        String origins = s.string("skysocket.allowed-origins", "");
        long pingInterval = s.longValue("skysocket.ping-interval-ms", 570_000);
        // A ping interval under a minute (tests, the protocol's test suite) brings the default sweep period down to it.
        long sweepPeriod = s.longValue("skysocket.sweep-period-ms", Math.min(60_000, pingInterval));
        return new SkysocketConfig(
                pingInterval,
                s.longValue("skysocket.ping-timeout-ms", 60_000),
                maxPayload,
                sweepPeriod,
                // A sweep period that 15 s does not divide (tests, local runs) keeps one pass per invocation.
                s.longValue("skysocket.sweep-pass-period-ms", sweepPeriod % 15_000 == 0 ? 15_000 : sweepPeriod),
                s.longValue("skysocket.max-connection-age-ms", API_GATEWAY_MAX_AGE_MS - 5 * 60_000),
                s.string("skysocket.table", "skysocket"),
                origins.isEmpty() ? Set.of() : Set.copyOf(List.of(origins.split("\\s*,\\s*"))),
                s.string("skysocket.default-tenant", "default"),
                s.intValue("skysocket.fanout-concurrency", 64),
                s.intValue("skysocket.room-shards", 1),
                CodecLimits.DEFAULT.withMaxFrameChars(Math.max(maxPayload, 1)),
                s.longValue("skysocket.connect-timeout-ms", DEFAULT_CONNECT_TIMEOUT_MS),
                TenantQuotas.from(s),
                RevocationSettings.from(s),
                RoomDirectoryMode.from(s)
        );
    }

    /** The Origin allow-list check every path applies: empty allows any Origin, and requests without one. */
    public boolean allowsOrigin(String origin) {
        return allowedOrigins.isEmpty() || origin != null && allowedOrigins.contains(origin);
    }

    /** Items of a connection live until it must have been rotated, plus a margin; reads filter on it. */
    public long expiresAtSeconds(long connectedAtMs) {
        return (connectedAtMs + connectionLifetimeMs()) / 1000;
    }

    /** The longest a connection's items live after it connected ({@link #expiresAtSeconds}). */
    public long connectionLifetimeMs() {
        return maxConnectionAgeMs + 15 * 60_000L;
    }
}
