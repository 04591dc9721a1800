package dev.skysocket.testkit;

import dev.skysocket.config.Settings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The settings a {@link SkysocketTest} class runs with: the kit's defaults (free ports, stage {@code dev}) under
 * the annotation's {@code "name=value"} pairs. Nothing comes from the machine's environment, so a test runs the
 * same everywhere.
 */
final class StackSettings {
    static final Map<String, String> DEFAULTS = Map.of(
            "skysocket.apigw-port", "0",
            "skysocket.gateway-port", "0",
            "skysocket.gateway-management-port", "0",
            "skysocket.dynamodb-port", "0",
            "skysocket.stage", "dev");
    private static final Object SYSTEM_PROPERTIES = new Object();

    private final Map<String, String> given;

    private StackSettings(Map<String, String> given) {
        this.given = given;
    }

    static StackSettings of(String[] pairs) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("@SkysocketTest settings are \"name=value\" pairs, got \"" + pair
                        + "\"");
            }
            given.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return new StackSettings(given);
    }

    Settings settings() {
        Map<String, String> all = new HashMap<>(DEFAULTS);
        all.putAll(given);
        return Settings.of(all);
    }

    /**
     * Runs {@code start} with the given settings also set as system properties, then puts the previous values
     * back. Apps construct and configure themselves inside it, and some read their own settings from there
     * (the example app's admin token). One start at a time, so parallel test classes do not see each other's.
     */
    <T> T asSystemProperties(Supplier<T> start) {
        synchronized (SYSTEM_PROPERTIES) {
            Map<String, String> previous = new HashMap<>();
            given.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
            try {
                return start.get();
            } finally {
                previous.forEach((name, value) -> {
                    if (value == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, value);
                    }
                });
            }
        }
    }
}
