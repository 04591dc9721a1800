package dev.skysocket.fanout;

import java.time.Duration;
import java.util.List;

/**
 * What one fan-out did.
 *
 * @param delivered recipients that got every frame
 * @param gone      recipients the Management API answered 410 for (their items are pruned)
 * @param failed    recipients still failing after the retries
 * @param retries   retried calls (429 and 5xx)
 */
public record FanoutReport(int delivered, int gone, int failed, int retries, Duration duration,
                           List<String> goneConnectionIds) {
    public FanoutReport {
        goneConnectionIds = List.copyOf(goneConnectionIds);
    }

    public static FanoutReport empty() {
        return new FanoutReport(0, 0, 0, 0, Duration.ZERO, List.of());
    }
}
