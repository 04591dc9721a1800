package dev.skysocket.logging;

/** Keeps a record on its line: a message with line breaks (an exception text, a client's input) is escaped. */
final class LogMessages {
    private LogMessages() {
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
