package dev.skysocket.runtime;

import dev.skysocket.config.Settings;
import java.util.Locale;

/**
 * Setting {@code skysocket.metrics}: {@code emf} writes the process's metrics as Embedded Metric Format lines on
 * standard output ({@code dev.skysocket.metrics.EmfSink}), {@code none} keeps none. The default is the process's:
 * {@code emf} on Lambda and on the gateway's image, {@code none} on the local stack, whose output is a developer's.
 */
public final class MetricsSetting {
    private MetricsSetting() {
    }

    public static boolean emf(Settings settings, boolean byDefault) {
        String value = settings.string("skysocket.metrics", byDefault ? "emf" : "none");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "emf" -> true;
            case "none" -> false;
            default -> throw new IllegalArgumentException("setting skysocket.metrics ("
                    + Settings.envName("skysocket.metrics") + ") must be emf or none, got '" + value + "'");
        };
    }
}
