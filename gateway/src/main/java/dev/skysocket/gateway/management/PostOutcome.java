package dev.skysocket.gateway.management;

/**
 * The answer to one PostToConnection: its status and, for a refusal, the {@code x-amzn-ErrorType} AWS sends with
 * it (the SDK maps that header to its exception).
 */
public record PostOutcome(int status, String errorType, String message) {
    public static final PostOutcome DELIVERED = new PostOutcome(200, null, null);
    public static final PostOutcome GONE = new PostOutcome(410, "GoneException", null);
    /** The account throttle, and AWS's answer for a client whose outbound buffer is full. */
    public static final PostOutcome THROTTLED = new PostOutcome(429, "LimitExceededException", "Rate exceeded");
    public static final PostOutcome INTERNAL_ERROR =
            new PostOutcome(500, "InternalServerErrorException", "Internal server error");
}
