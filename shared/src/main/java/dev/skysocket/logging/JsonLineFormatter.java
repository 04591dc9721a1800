package dev.skysocket.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per record, on one line: {@code timestamp} (ISO-8601, UTC), {@code level}, {@code logger},
 * {@code message}, {@code thread} and, with a throwable, {@code exception} ({@code exceptionType},
 * {@code message}), and the thread's {@link LogContext} as one {@code context} object ({@code requestId},
 * {@code apiRequestId}, {@code connectionId}, {@code socketId}, {@code tenant}; only the fields set). The
 * functions' Quarkus JSON log is configured to the same names (functions' microprofile-config.properties; its
 * formatter can add per-record fields only as one object, hence {@code context} here too), so one CloudWatch Logs
 * Insights query ({@code filter context.connectionId = "..."}) reads Lambda and Fargate alike.
 */
public final class JsonLineFormatter extends Formatter {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String format(LogRecord record) {
        StringWriter out = new StringWriter(200);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
            json.writeStringField("level", LogLevels.name(record.getLevel()));
            json.writeStringField("logger", record.getLoggerName());
            json.writeStringField("message", LogMessages.text(this, record));
            json.writeStringField("thread", Thread.currentThread().getName());
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                json.writeObjectFieldStart("exception");
                json.writeStringField("exceptionType", thrown.getClass().getName());
                json.writeStringField("message", String.valueOf(thrown.getMessage()));
                json.writeEndObject();
            }
            if (!LogContext.isEmpty()) {
                json.writeObjectFieldStart("context");
                LogContext.forEach((name, value) -> field(json, name, value));
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static void field(JsonGenerator json, String name, String value) {
        try {
            json.writeStringField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
