package dev.skysocket.local;

import dev.skysocket.config.Settings;
import dev.skysocket.local.apigw.EmulatorSettings;
import dev.skysocket.local.apigw.InvocationLimits;
import dev.skysocket.local.apigw.InvocationOrder;
import java.time.Duration;
import java.util.Locale;

/**
 * Local-mode settings on top of the shared {@code SkysocketConfig}: ports, stage and the emulated AWS limits
 * (defaults are AWS's; tests shorten the timers).
 */
record LocalSettings(int apiGatewayPort, int dynamoPort, String stage, Duration idleTimeout,
                     Duration maxConnectionDuration, int maxFrameBytes, int maxMessageBytes,
                     InvocationOrder invocationOrder, Duration maxInvocationDelay, boolean ordered,
                     InvocationLimits invocationLimits, OpenSteps.Limits openLimits) {
    static final String INVOCATION_ORDER = "skysocket.apigw-invocation-order";
    /** {@code direct} ({@code $default} invokes the function) or {@code ordered} (through an emulated FIFO queue). */
    static final String MESSAGE_DELIVERY = "skysocket.apigw-message-delivery";

    static LocalSettings from(Settings s) {
        return new LocalSettings(
                s.intValue("skysocket.apigw-port", 3001),
                s.intValue("skysocket.dynamodb-port", 8000),
                s.string("skysocket.stage", "dev"),
                Duration.ofMillis(s.longValue("skysocket.apigw-idle-timeout-ms", 10 * 60_000L)),
                Duration.ofMillis(s.longValue("skysocket.apigw-max-connection-ms", 2 * 60 * 60_000L)),
                s.intValue("skysocket.apigw-max-frame-bytes", 32 * 1024),
                s.intValue("skysocket.apigw-max-message-bytes", 128 * 1024),
                InvocationOrder.parse(s.string(INVOCATION_ORDER, "concurrent"), INVOCATION_ORDER),
                Duration.ofMillis(s.longValue("skysocket.apigw-max-invocation-delay-ms",
                        EmulatorSettings.DEFAULT_MAX_INVOCATION_DELAY.toMillis())),
                ordered(s.string(MESSAGE_DELIVERY, "direct")),
                new InvocationLimits(
                        s.intValue("skysocket.apigw-invocation-workers", InvocationLimits.DEFAULTS.threads()),
                        s.intValue("skysocket.apigw-invocation-queue", InvocationLimits.DEFAULTS.queueLimit()),
                        s.intValue("skysocket.apigw-invocation-backlog", InvocationLimits.DEFAULT_BACKLOG)),
                OpenSteps.Limits.from(s));
    }

    private static boolean ordered(String delivery) {
        return switch (delivery.trim().toLowerCase(Locale.ROOT)) {
            case "direct" -> false;
            case "ordered" -> true;
            default -> throw new IllegalStateException("setting " + MESSAGE_DELIVERY + " ("
                    + Settings.envName(MESSAGE_DELIVERY) + ") must be 'direct' or 'ordered', got '" + delivery + "'");
        };
    }

    EmulatorSettings emulatorSettings(int port) {
        return new EmulatorSettings(EmulatorSettings.DEFAULT_HOST, port, stage, idleTimeout, maxConnectionDuration,
                maxFrameBytes, maxMessageBytes, EmulatorSettings.DEFAULT_INTEGRATION_TIMEOUT,
                EmulatorSettings.DEFAULT_API_ID, null, invocationOrder, maxInvocationDelay);
    }
}
