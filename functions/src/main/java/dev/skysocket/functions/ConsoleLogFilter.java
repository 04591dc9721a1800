package dev.skysocket.functions;

import dev.skysocket.logging.LogParameters;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Quarkus's console log formats {@code {0}} placeholders with MessageFormat, which groups numbers ("5,000"); this
 * filter hands it the numbers as strings first, so a function's lines print them as the gateway's do ("5000").
 * Installed by {@code quarkus.log.console.filter}; it never drops a record.
 */
@LoggingFilter(name = "plain-numbers")
public final class PlainNumbersLogFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
        Object[] parameters = record.getParameters();
        Object[] plain = LogParameters.plain(parameters);
        if (plain != parameters) {
            record.setParameters(plain);
        }
        return true;
    }
}
