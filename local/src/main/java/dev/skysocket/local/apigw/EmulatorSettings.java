package dev.skysocket.local.apigw;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the local API Gateway WebSocket emulator. The defaults are AWS's fixed limits (see the API Gateway
 * quotas for WebSocket APIs): 10-minute idle timeout, 2-hour connection lifetime, 32 KB frames, 128 KB messages and
 * a 29-second integration timeout. Tests shorten the durations to a few hundred milliseconds.
 *
 * @param host                  interface to bind; default {@code 127.0.0.1}
 * @param port                  port to bind; {@code 0} picks a free one
 * @param stage                 the stage name, which is also the only accepted WebSocket path ({@code /dev})
 * @param idleTimeout           a connection with no inbound data frame for this long is closed with 1001
 * @param maxConnectionDuration a connection older than this is closed with 1001
 * @param maxFrameBytes         largest inbound frame; a larger one closes the connection with 1009
 * @param maxMessageBytes       largest inbound message and largest Management API post (413 above it)
 * @param integrationTimeout    how long a route invocation may take before it counts as timed out
 * @param apiId                 the {@code apiId} written into every event
 * @param domainName            the {@code domainName} written into every event; null means {@code host:port} of the
 *                              bound listener, so that {@code http://<domainName>/<stage>} reaches this emulator's
 *                              Management API just as {@code https://<domainName>/<stage>} reaches AWS's
 * @param invocationOrder       {@link InvocationOrder#CONCURRENT} (default, as AWS): one connection's {@code $default}
 *                              invocations overlap and finish in any order; {@link InvocationOrder#SERIAL}: one at a
 *                              time in arrival order
 * @param maxInvocationDelay    concurrent order only: each invocation starts after a random delay up to this (default
 *                              5 ms; zero for none), so that back-to-back messages really overtake each other
 */
public record EmulatorSettings(String host, int port, String stage, Duration idleTimeout,
                               Duration maxConnectionDuration, int maxFrameBytes, int maxMessageBytes,
                               Duration integrationTimeout, String apiId, String domainName,
                               InvocationOrder invocationOrder, Duration maxInvocationDelay) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3001;
    public static final String DEFAULT_STAGE = "dev";
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MAX_CONNECTION_DURATION = Duration.ofHours(2);
    public static final int DEFAULT_MAX_FRAME_BYTES = 32 * 1024;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024;
    public static final Duration DEFAULT_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);
    /** Ten lowercase characters, like a real API id, and clearly not one. */
    public static final String DEFAULT_API_ID = "localapi00";
    public static final InvocationOrder DEFAULT_INVOCATION_ORDER = InvocationOrder.CONCURRENT;
    /** Small against any timeout, large enough that two messages a client sends back to back swap places. */
    public static final Duration DEFAULT_MAX_INVOCATION_DELAY = Duration.ofMillis(5);
    /** Bounds the delay: it emulates scheduling jitter, not a slow integration (the timeout is for that). */
    public static final Duration MAX_INVOCATION_DELAY_LIMIT = Duration.ofSeconds(1);

    public EmulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(invocationOrder, "invocationOrder");
        Objects.requireNonNull(maxInvocationDelay, "maxInvocationDelay");
        if (maxInvocationDelay.isNegative() || maxInvocationDelay.compareTo(MAX_INVOCATION_DELAY_LIMIT) > 0) {
            throw new IllegalArgumentException("maxInvocationDelay must be 0..1 s: " + maxInvocationDelay);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (stage.isEmpty() || stage.contains("/")) {
            throw new IllegalArgumentException("stage must be one non-empty path segment: " + stage);
        }
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(maxConnectionDuration, "maxConnectionDuration");
        requirePositive(integrationTimeout, "integrationTimeout");
        if (maxFrameBytes <= 0 || maxMessageBytes < maxFrameBytes) {
            throw new IllegalArgumentException("need 0 < maxFrameBytes <= maxMessageBytes");
        }
    }

    /** AWS's limits on {@code 127.0.0.1:3001}, stage {@code dev}. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_STAGE, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MAX_CONNECTION_DURATION, DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_MESSAGE_BYTES,
                DEFAULT_INTEGRATION_TIMEOUT, DEFAULT_API_ID, null, DEFAULT_INVOCATION_ORDER,
                DEFAULT_MAX_INVOCATION_DELAY);
    }

    public EmulatorSettings withPort(int newPort) {
        return new EmulatorSettings(host, newPort, stage, idleTimeout, maxConnectionDuration, maxFrameBytes,
                maxMessageBytes, integrationTimeout, apiId, domainName,
                invocationOrder, maxInvocationDelay);
    }

    public EmulatorSettings withStage(String newStage) {
        return new EmulatorSettings(host, port, newStage, idleTimeout, maxConnectionDuration, maxFrameBytes,
                maxMessageBytes, integrationTimeout, apiId, domainName,
                invocationOrder, maxInvocationDelay);
    }

    public EmulatorSettings withIdleTimeout(Duration newIdleTimeout) {
        return new EmulatorSettings(host, port, stage, newIdleTimeout, maxConnectionDuration, maxFrameBytes,
                maxMessageBytes, integrationTimeout, apiId, domainName,
                invocationOrder, maxInvocationDelay);
    }

    public EmulatorSettings withMaxConnectionDuration(Duration newMaxConnectionDuration) {
        return new EmulatorSettings(host, port, stage, idleTimeout, newMaxConnectionDuration, maxFrameBytes,
                maxMessageBytes, integrationTimeout, apiId, domainName,
                invocationOrder, maxInvocationDelay);
    }

    public EmulatorSettings withLimits(int newMaxFrameBytes, int newMaxMessageBytes) {
        return new EmulatorSettings(host, port, stage, idleTimeout, maxConnectionDuration, newMaxFrameBytes,
                newMaxMessageBytes, integrationTimeout, apiId, domainName,
                invocationOrder, maxInvocationDelay);
    }

    public EmulatorSettings withIntegrationTimeout(Duration newIntegrationTimeout) {
        return new EmulatorSettings(host, port, stage, idleTimeout, maxConnectionDuration, maxFrameBytes,
                maxMessageBytes, newIntegrationTimeout, apiId, domainName,
                invocationOrder, maxInvocationDelay);
    }

    public EmulatorSettings withApiId(String newApiId) {
        return new EmulatorSettings(host, port, stage, idleTimeout, maxConnectionDuration, maxFrameBytes,
                maxMessageBytes, integrationTimeout, newApiId, domainName,
                invocationOrder, maxInvocationDelay);
    }

    public EmulatorSettings withDomainName(String newDomainName) {
        return new EmulatorSettings(host, port, stage, idleTimeout, maxConnectionDuration, maxFrameBytes,
                maxMessageBytes, integrationTimeout, apiId, newDomainName,
                invocationOrder, maxInvocationDelay);
    }

    public EmulatorSettings withInvocationOrder(InvocationOrder newOrder) {
        return new EmulatorSettings(host, port, stage, idleTimeout, maxConnectionDuration, maxFrameBytes,
                maxMessageBytes, integrationTimeout, apiId, domainName, newOrder, maxInvocationDelay);
    }

    public EmulatorSettings withMaxInvocationDelay(Duration newMaxInvocationDelay) {
        return new EmulatorSettings(host, port, stage, idleTimeout, maxConnectionDuration, maxFrameBytes,
                maxMessageBytes, integrationTimeout, apiId, domainName, invocationOrder, newMaxInvocationDelay);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
