package dev.skysocket.functions;

import dev.skysocket.logging.LogContext;
import dev.skysocket.logging.LogParameters;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Makes a function's console lines read like the gateway's: numbers in {@code {0}} placeholders as plain digits
 * (Quarkus formats with MessageFormat, which groups them: "5,000"), and the thread's {@link LogContext} (request,
 * connection, socket, tenant) as the record's MDC, which the JSON console writes as the {@code context} object
 * ({@code quarkus.log.console.json.key-overrides=mdc=context}). Runs on the logging thread, before formatting.
 * Installed by {@code quarkus.log.console.filter}; it never drops a record.
 */
@LoggingFilter(name = "skysocket-console")
public final class ConsoleLogFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
        Object[] parameters = record.getParameters();
        Object[] plain = LogParameters.plain(parameters);
        if (plain != parameters) {
            record.setParameters(plain);
        }
        if (record instanceof ExtLogRecord ext && !LogContext.isEmpty()) {
            LogContext.forEach(ext::putMdc);
        }
        return true;
    }
}
