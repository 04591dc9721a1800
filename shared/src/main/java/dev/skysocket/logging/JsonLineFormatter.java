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
 * {@code message}, {@code thread} and, with a throwable, {@code errorType} and {@code errorMessage}. The first
 * three are the field names of Lambda's JSON log format, so CloudWatch Logs Insights queries work the same on
 * Lambda and on Fargate.
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
            json.writeStringField("message", formatMessage(record));
            json.writeStringField("thread", Thread.currentThread().getName());
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                json.writeStringField("errorType", thrown.getClass().getName());
                json.writeStringField("errorMessage", String.valueOf(thrown.getMessage()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(System.lineSeparator()).toString();
    }
}
