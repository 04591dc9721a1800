package dev.skysocket.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.config.Settings;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LineFormattersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTextRecordIsOneLineEvenWithLineBreaksAndAThrowable() {
        LogRecord record = record(Level.WARNING, "event=x value={0}", "a\nb");
        record.setThrown(new IllegalStateException("first\nsecond"));

        String line = new TextLineFormatter().format(record);

        assertThat(line.strip()).doesNotContain("\n").contains(" WARN Thing event=x value=a\\nb")
                .contains("error=java.lang.IllegalStateException: first\\nsecond");
        assertThat(line).endsWith(System.lineSeparator());
    }

    @Test
    void aJsonRecordIsOneObjectOnOneLineWithLambdasFieldNames() throws Exception {
        LogRecord record = record(Level.SEVERE, "event=\"quoted\" {0}", "line\nbreak");
        record.setThrown(new IllegalArgumentException("bad"));

        String line = new JsonLineFormatter().format(record);
        JsonNode parsed = JSON.readTree(line);

        assertThat(line.strip()).doesNotContain("\n");
        assertThat(parsed.path("level").asText()).isEqualTo("ERROR");
        assertThat(parsed.path("logger").asText()).isEqualTo("dev.skysocket.Thing");
        assertThat(parsed.path("message").asText()).isEqualTo("event=\"quoted\" line\nbreak");
        assertThat(parsed.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(parsed.path("exception").path("exceptionType").asText())
                .isEqualTo("java.lang.IllegalArgumentException");
        assertThat(parsed.path("exception").path("message").asText()).isEqualTo("bad");
    }

    @Test
    void numbersInPlaceholdersPrintAsPlainDigitsInBothFormats() throws Exception {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);  // the locale whose grouping shows "5,000"
        try {
            LogRecord record = record(Level.INFO, "event=x count={0} bytes={1} ratio={2} name={3}", 5000);
            record.setParameters(new Object[] {5000, 1_234_567L, 0.5, "a,b"});

            assertThat(new TextLineFormatter().format(record))
                    .contains("event=x count=5000 bytes=1234567 ratio=0.5 name=a,b");
            assertThat(JSON.readTree(new JsonLineFormatter().format(record)).path("message").asText())
                    .isEqualTo("event=x count=5000 bytes=1234567 ratio=0.5 name=a,b");
            assertThat(record.getParameters()[0]).isEqualTo(5000);  // the record itself is left as it was
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void theLogContextIsOneJsonObjectAndKeyValuePairsInText() throws Exception {
        LogRecord record = record(Level.INFO, "event=x {0}", "y");
        String json;
        String text;
        try (LogContext.Scope invocation = LogContext.open("lambda-1")) {
            try (LogContext.Scope route = LogContext.open(null)) {
                LogContext.connectionId("conn=1");
                LogContext.socketId("s1");
                LogContext.tenant("acme \"quoted\"");
                json = new JsonLineFormatter().format(record);
                text = new TextLineFormatter().format(record);
            }
            // The route's fields went with it; the invocation's request id stayed.
            assertThat(JSON.readTree(new JsonLineFormatter().format(record)).path("context").toString())
                    .isEqualTo("{\"requestId\":\"lambda-1\"}");
        }

        JsonNode context = JSON.readTree(json).path("context");
        assertThat(context.path("requestId").asText()).isEqualTo("lambda-1");
        assertThat(context.path("connectionId").asText()).isEqualTo("conn=1");
        assertThat(context.path("socketId").asText()).isEqualTo("s1");
        assertThat(context.path("tenant").asText()).isEqualTo("acme \"quoted\"");
        assertThat(context.has("apiRequestId")).isFalse();
        assertThat(text.strip()).endsWith("event=x y requestId=lambda-1 connectionId=conn=1 socketId=s1 "
                + "tenant=acme \"quoted\"");
        // Outside any scope, no context at all.
        assertThat(JSON.readTree(new JsonLineFormatter().format(record)).has("context")).isFalse();
        assertThat(new TextLineFormatter().format(record).strip()).endsWith("event=x y");
    }

    @Test
    void theFormatIsASettingAndAnUnknownOneFailsAtStart() {
        assertThat(LogFormat.from(Settings.of(Map.of()))).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.from(Settings.of(Map.of("skysocket.log-format", "JSON")))).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.from(Settings.of(Map.of("skysocket.log-format", "xml"))))
                .hasMessageContaining("skysocket.log-format").hasMessageContaining("SKYSOCKET_LOG_FORMAT");
    }

    private static LogRecord record(Level level, String message, Object parameter) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("dev.skysocket.Thing");
        record.setParameters(new Object[] {parameter});
        return record;
    }
}
