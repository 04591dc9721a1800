package dev.skysocket.testkit;

import dev.skysocket.config.Settings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a {@link SkysocketTest} class runs with: the kit's defaults (free ports, stage {@code dev}) under
 * the annotation's {@code "name=value"} pairs; {@code app.<name>} pairs are the app's settings
 * ({@code io.setting(name)}). Nothing comes from the machine's environment, so a test runs the same everywhere.
 */
final class StackSettings {
    static final Map<String, String> DEFAULTS = Map.of(
            "skysocket.apigw-port", "0",
            "skysocket.gateway-port", "0",
            "skysocket.gateway-management-port", "0",
            "skysocket.dynamodb-port", "0",
            "skysocket.stage", "dev");

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
}
