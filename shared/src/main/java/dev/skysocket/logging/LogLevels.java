package dev.skysocket.logging;

import java.util.logging.Level;

/** java.util.logging levels under the names Lambda and most log tools use. */
final class LogLevels {
    private LogLevels() {
    }

    static String name(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }
}
