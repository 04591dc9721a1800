package dev.skysocket.config;

import java.util.Map;
import java.util.function.Function;

/**
 * Reads one setting from a system property ({@code skysocket.ping-interval-ms}) or, failing that, the
 * environment ({@code SKYSOCKET_PING_INTERVAL_MS}). A malformed value fails at start with the name in the
 * message, never later.
 */
public final class Settings {
    private final Function<String, String> properties;
    private final Map<String, String> environment;

    public Settings(Function<String, String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static Settings system() {
        return new Settings(System::getProperty, System.getenv());
    }

    public static Settings of(Map<String, String> properties) {
        return new Settings(properties::get, Map.of());
    }

    /** These settings with {@code overrides} taking precedence over both sources. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> copy = Map.copyOf(overrides);
        return new Settings(name -> copy.containsKey(name) ? copy.get(name) : properties.apply(name), environment);
    }

    /** The environment variable that backs {@code name}: upper case, dots and dashes become underscores. */
    public static String envName(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String name, String fallback) {
        String value = properties.apply(name);
        if (value == null) {
            value = environment.get(envName(name));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public long longValue(String name, long fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " (" + envName(name) + ") must be a whole number, got '"
                    + value + "'");
        }
    }

    public int intValue(String name, int fallback) {
        long value = longValue(name, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("setting " + name + " is out of range: " + value);
        }
        return (int) value;
    }

    /** {@code true} or {@code false} (any case); anything else fails at start with the setting's name. */
    public boolean bool(String name, boolean fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("setting " + name + " (" + envName(name) + ") must be true or false, got '"
                    + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * A duration given in whole milliseconds, as every {@code *-ms} setting is; a negative one fails at start with
     * the setting's name.
     */
    public java.time.Duration millis(String name, java.time.Duration fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        long ms = longValue(name, 0);
        if (ms < 0) {
            throw new IllegalArgumentException("setting " + name + " (" + envName(name)
                    + ") must be a duration in milliseconds, at least 0, got '" + value + "'");
        }
        return java.time.Duration.ofMillis(ms);
    }
}
