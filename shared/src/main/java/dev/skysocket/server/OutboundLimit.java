package dev.skysocket.server;

import dev.skysocket.api.EmitTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The largest frame an emit may produce: API Gateway's PostToConnection takes at most 128 KB per message
 * (AWS-FACTS), checked here, before any post, for every path, so an oversized emit is the app's clear error
 * instead of a failed delivery it never hears of.
 */
final class OutboundLimit {
    static final int MAX_FRAME_BYTES = 128 * 1024;

    private OutboundLimit() {
    }

    /** @param what the emit, for the error ("event 'news'", "an ack") */
    static void check(String what, List<String> frames) {
        for (String frame : frames) {
            // UTF-8 takes at most 3 bytes per UTF-16 unit: most frames are decided without encoding them.
            if (frame.length() * 3L <= MAX_FRAME_BYTES) {
                continue;
            }
            long bytes = frame.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_FRAME_BYTES) {
                throw new EmitTooLargeException(what, bytes, MAX_FRAME_BYTES);
            }
        }
    }
}
