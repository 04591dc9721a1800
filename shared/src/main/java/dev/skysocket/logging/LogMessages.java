package dev.skysocket.logging;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * A record's message as both line formatters print it: numbers in {@code {0}} placeholders as plain digits
 * ({@code count=5000}, not MessageFormat's locale grouping {@code count=5,000}, which breaks {@code key=value}
 * parsing), and a message with line breaks (an exception text, a client's input) escaped onto its line.
 */
final class LogMessages {
    private LogMessages() {
    }

    /** {@code formatter.formatMessage(record)}, with every {@link Number} parameter printed by {@code toString}. */
    static String text(Formatter formatter, LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters == null || !hasNumber(parameters)) {
            return formatter.formatMessage(record);
        }
        Object[] plain = parameters.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof Number number) {
                plain[i] = number.toString();
            }
        }
        LogRecord copy = new LogRecord(record.getLevel(), record.getMessage());
        copy.setResourceBundle(record.getResourceBundle());
        copy.setResourceBundleName(record.getResourceBundleName());
        copy.setParameters(plain);
        return formatter.formatMessage(copy);
    }

    private static boolean hasNumber(Object[] parameters) {
        for (Object parameter : parameters) {
            if (parameter instanceof Number) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        if (message.indexOf('\n') < 0 && message.indexOf('\r') < 0) {
            return message;
        }
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
