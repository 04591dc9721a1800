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
        Object[] plain = LogParameters.plain(parameters);
        if (plain == parameters) {
            return formatter.formatMessage(record);
        }
        LogRecord copy = new LogRecord(record.getLevel(), record.getMessage());
        copy.setResourceBundle(record.getResourceBundle());
        copy.setResourceBundleName(record.getResourceBundleName());
        copy.setParameters(plain);
        return formatter.formatMessage(copy);
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
