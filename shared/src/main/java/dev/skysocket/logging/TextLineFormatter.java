package dev.skysocket.logging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code 2026-12-06T09:22:33.123Z INFO logger message}, one line per record, then the thread's {@link LogContext}
 * as {@code name=value} pairs ({@code connectionId=... tenant=...}) and a throwable as {@code error=...}.
 */
public final class TextLineFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                .append(LogLevels.name(record.getLevel())).append(' ')
                .append(shortName(record.getLoggerName())).append(' ')
                .append(LogMessages.oneLine(LogMessages.text(this, record)));
        LogContext.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        if (record.getThrown() != null) {
            line.append(" error=").append(LogMessages.oneLine(String.valueOf(record.getThrown())));
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "-";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
