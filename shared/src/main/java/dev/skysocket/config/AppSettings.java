package dev.skysocket.config;

import java.util.Map;
import java.util.Optional;

/**
 * An app's own settings ({@code SocketServer.setting}): those loaded at start from the deployment's parameter
 * store path first, then {@code app.<name>} from the process's settings (system property, or {@code APP_<NAME>}
 * in the environment).
 */
public final class AppSettings {
    private final Map<String, String> loaded;
    private final Settings fallback;

    private AppSettings(Map<String, String> loaded, Settings fallback) {
        this.loaded = Map.copyOf(loaded);
        this.fallback = fallback;
    }

    /** No loaded values: {@code app.*} system properties and {@code APP_*} variables only. */
    public static AppSettings system() {
        return of(Map.of(), Settings.system());
    }

    public static AppSettings of(Map<String, String> loaded, Settings fallback) {
        return new AppSettings(loaded, fallback);
    }

    public Optional<String> get(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a setting has a name");
        }
        String value = loaded.get(name);
        return value != null ? Optional.of(value) : Optional.ofNullable(fallback.string("app." + name, null));
    }

    /** How many settings came from the parameter store (for the start-up log; never their values). */
    public int loadedCount() {
        return loaded.size();
    }
}
