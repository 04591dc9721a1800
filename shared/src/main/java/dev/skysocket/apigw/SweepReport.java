package dev.skysocket.apigw;

/** What one heartbeat sweep did. */
public record SweepReport(int pinged, int timedOut, int rotated, int gone, long durationMs) {
}
