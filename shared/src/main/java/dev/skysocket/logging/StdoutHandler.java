package dev.skysocket.logging;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Every record on standard output, flushed as written: Lambda and the awslogs driver take both streams, and one
 * stream keeps a record's line in order with what the process prints (the local stack's banner).
 */
final class StdoutHandler extends StreamHandler {
    StdoutHandler(Formatter formatter) {
        super(System.out, formatter);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
    }

    /** Standard output outlives the handler. */
    @Override
    public synchronized void close() {
        flush();
    }
}
