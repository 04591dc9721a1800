package dev.skysocket.api;

import java.time.Duration;

/**
 * What one emit did.
 *
 * @param delivered recipients the frame reached
 * @param gone      recipients that had already disconnected (the platform forgets them)
 * @param failed    recipients still failing after the retries
 * @param duration  how long the delivery took
 */
public record EmitReport(int delivered, int gone, int failed, Duration duration) {

    /** An emit that had no recipient. */
    public static EmitReport empty() {
        return new EmitReport(0, 0, 0, Duration.ZERO);
    }
}
