package dev.skysocket.logging;

/**
 * A record's parameters with every {@link Number} as its {@code toString}: MessageFormat would print {@code {0}}
 * of 5000 as "5,000" in most locales, which breaks {@code key=value} parsing of a log line. Used by this package's
 * formatters and by the functions' Quarkus log filter, so every process prints numbers alike.
 */
public final class LogParameters {
    private LogParameters() {
    }

    /** The same array when it holds no number (or is null), else a copy with numbers as strings. */
    public static Object[] plain(Object[] parameters) {
        if (parameters == null) {
            return null;
        }
        Object[] plain = parameters;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Number number) {
                if (plain == parameters) {
                    plain = parameters.clone();
                }
                plain[i] = number.toString();
            }
        }
        return plain;
    }
}
