package dev.skysocket.gateway.bench;

/** The posted frame: a Socket.IO-shaped event of an exact byte size, ASCII so bytes and chars agree. */
final class Frames {

    private static final String PREFIX = "42[\"tick\",\"";
    private static final String SUFFIX = "\"]";
    static final int MIN_BYTES = PREFIX.length() + SUFFIX.length();

    private Frames() {
    }

    static String ofBytes(int bytes) {
        return PREFIX + "x".repeat(bytes - MIN_BYTES) + SUFFIX;
    }
}
