package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.logging.LogContext;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class ConsoleLogFilterTest {
    @Test
    void numbersReachTheFormatterAsPlainDigitsAndNoRecordIsDropped() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);  // the locale whose grouping shows "5,000"
        try {
            LogRecord record = new LogRecord(Level.INFO, "event=x count={0} bytes={1} name={2}");
            record.setParameters(new Object[] {5000, 1_234_567L, "a,b"});

            assertThat(new ConsoleLogFilter().isLoggable(record)).isTrue();

            assertThat(new SimpleFormatter().formatMessage(record))
                    .isEqualTo("event=x count=5000 bytes=1234567 name=a,b");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void theThreadsLogContextBecomesTheRecordsMdc() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "event=x", ExtLogRecord.FormatStyle.NO_FORMAT,
                ConsoleLogFilterTest.class.getName());
        try (LogContext.Scope scope = LogContext.open("req-1")) {
            LogContext.connectionId("conn-1");
            LogContext.tenant("acme");

            assertThat(new ConsoleLogFilter().isLoggable(record)).isTrue();
        }

        assertThat(record.getMdcCopy()).containsEntry("requestId", "req-1").containsEntry("connectionId", "conn-1")
                .containsEntry("tenant", "acme").doesNotContainKey("socketId");
    }
}
