package dev.skysocket.gateway.engine;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.limits.InboundLimits;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the engine needs beyond the shared config.
 *
 * @param config             ping interval and timeout, max payload and codec limits, shared with every path
 * @param handshakeDecorator adds headers to the polling handshake answer and to every 101 (sticky cookie)
 * @param upgradeTimeoutMs   how long a probing websocket may take to send {@code 5} before it is dropped
 * @param maxBufferedPackets packets queued for one client before {@link EngineSession#send} refuses more; also
 *                           the most inbound messages one session may have waiting for the listener
 * @param requireSecret      give polling sessions a secret that locks them once their client presents it
 *                           ({@link SessionSecret}, DESIGN §9)
 * @param admitting          asked on every handshake; false refuses new sessions with
 *                           {@link EngineError#DRAINING} while existing ones carry on (a draining node)
 * @param workers            the worker threads for listener calls and the backlog at which load is shed
 * @param inbound            the per-session token bucket on inbound messages (burst and rate; off by default here,
 *                           the gateway turns the settings' on): a session over it is closed before its message is
 *                           queued for a worker
 */
public record EngineOptions(SkysocketConfig config, Consumer<ResponseHeaders> handshakeDecorator,
                            long upgradeTimeoutMs, int maxBufferedPackets, boolean requireSecret,
                            BooleanSupplier admitting, WorkerLimits workers, InboundLimits inbound) {

    public EngineOptions {
        if (config == null || handshakeDecorator == null || admitting == null || workers == null || inbound == null
                || upgradeTimeoutMs < 1 || maxBufferedPackets < 1) {
            throw new IllegalArgumentException("config, decorator, admission and positive limits are required");
        }
    }

    /** Always admitting new sessions. */
    public EngineOptions(SkysocketConfig config, Consumer<ResponseHeaders> handshakeDecorator,
                         long upgradeTimeoutMs, int maxBufferedPackets, boolean requireSecret) {
        this(config, handshakeDecorator, upgradeTimeoutMs, maxBufferedPackets, requireSecret, () -> true,
                WorkerLimits.DEFAULTS, InboundLimits.OFF);
    }

    /** Defaults as in the reference server: a 10 s upgrade timeout; a secret on every polling session. */
    public static EngineOptions of(SkysocketConfig config) {
        return new EngineOptions(config, headers -> { }, 10_000, 10_000, true);
    }

    public EngineOptions withHandshakeDecorator(Consumer<ResponseHeaders> decorator) {
        return new EngineOptions(config, decorator, upgradeTimeoutMs, maxBufferedPackets, requireSecret,
                admitting, workers, inbound);
    }

    public EngineOptions withUpgradeTimeoutMs(long millis) {
        return new EngineOptions(config, handshakeDecorator, millis, maxBufferedPackets, requireSecret,
                admitting, workers, inbound);
    }

    public EngineOptions withMaxBufferedPackets(int packets) {
        return new EngineOptions(config, handshakeDecorator, upgradeTimeoutMs, packets, requireSecret,
                admitting, workers, inbound);
    }

    /** New sessions only while {@code admission} says true (the node's readiness). */
    public EngineOptions withAdmission(BooleanSupplier admission) {
        return new EngineOptions(config, handshakeDecorator, upgradeTimeoutMs, maxBufferedPackets, requireSecret,
                admission, workers, inbound);
    }

    /** Off: no session cookie at all (clients without cookies are served either way, {@link SessionSecret}). */
    public EngineOptions withRequireSecret(boolean required) {
        return new EngineOptions(config, handshakeDecorator, upgradeTimeoutMs, maxBufferedPackets, required,
                admitting, workers, inbound);
    }

    /** Worker threads and the backlog at which handshakes are refused ({@link EngineError#BUSY}). */
    public EngineOptions withWorkers(WorkerLimits limits) {
        return new EngineOptions(config, handshakeDecorator, upgradeTimeoutMs, maxBufferedPackets, requireSecret,
                admitting, limits, inbound);
    }

    /** The per-session rate limit on inbound messages: {@link InboundLimits#burst()} and its rate. */
    public EngineOptions withInbound(InboundLimits limits) {
        return new EngineOptions(config, handshakeDecorator, upgradeTimeoutMs, maxBufferedPackets, requireSecret,
                admitting, workers, limits);
    }
}
