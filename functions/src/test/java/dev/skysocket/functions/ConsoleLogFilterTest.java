package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class PlainNumbersLogFilterTest {
    @Test
    void numbersReachTheFormatterAsPlainDigitsAndNoRecordIsDropped() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);  // the locale whose grouping shows "5,000"
        try {
            LogRecord record = new LogRecord(Level.INFO, "event=x count={0} bytes={1} name={2}");
            record.setParameters(new Object[] {5000, 1_234_567L, "a,b"});

            assertThat(new PlainNumbersLogFilter().isLoggable(record)).isTrue();

            assertThat(new SimpleFormatter().formatMessage(record))
                    .isEqualTo("event=x count=5000 bytes=1234567 name=a,b");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
