package dev.skysocket.server;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Offsets of replayable packets: time-ordered, fixed-width lowercase hex, so text order is time order across every
 * room, process and path. 16 digits of (epoch ms &lt;&lt; 16 | sequence), the sequence keeping one process's
 * offsets strictly increasing within a millisecond, then 8 random digits so two processes never mint the same
 * offset. Offsets of different processes are ordered by their clocks: they are comparable only as far as those
 * clocks agree (docs/recovery.md says which bound that relies on).
 */
final class Offsets {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private Offsets() {
    }

    /** A new offset, above every offset this process minted before and at or above {@link #floor(long)}. */
    static String next(long nowMillis) {
        long stamp = LAST.updateAndGet(last -> Math.max(nowMillis << 16, last + 1));
        return String.format("%016x%08x", stamp, RANDOM.nextInt() & 0xffffffffL);
    }

    /** Sorts below every offset minted at {@code millis} or later, above every one minted before. */
    static String floor(long millis) {
        return String.format("%016x", millis << 16);
    }

    /** True for text a client may present as the last offset it got: something {@link #next} minted. */
    static boolean valid(String offset) {
        return offset != null && FORMAT.matcher(offset).matches();
    }
}
