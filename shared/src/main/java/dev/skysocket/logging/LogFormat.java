package dev.skysocket.logging;

import dev.skysocket.config.Settings;
import java.util.Locale;

/** The log line format, setting {@code skysocket.log-format}: {@code text} (the default) or {@code json}. */
public enum LogFormat {
    TEXT,
    JSON;

    public static LogFormat from(Settings settings) {
        String value = settings.string("skysocket.log-format", "text");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("setting skysocket.log-format ("
                    + Settings.envName("skysocket.log-format") + ") must be text or json, got '" + value + "'");
        };
    }
}
