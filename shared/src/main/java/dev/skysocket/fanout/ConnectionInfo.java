package dev.skysocket.fanout;

import java.time.Instant;

/** The Management API's GetConnection answer. */
public record ConnectionInfo(Instant connectedAt, Instant lastActiveAt, String sourceIp, String userAgent) {
}
