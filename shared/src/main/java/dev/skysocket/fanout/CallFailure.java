package dev.skysocket.fanout;

import dev.skysocket.concurrent.Failures;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;

/** What a failed Management API call means for the caller: the one place that reads SDK exceptions. */
enum CallFailure {
    /** 410: the connection no longer exists (or, during $connect, does not exist yet). */
    GONE,
    /** 429 (account throttle or the connection's buffer is full) and 5xx: worth another attempt. */
    RETRYABLE,
    /**
     * Anything else: 403 (IAM), 400, 413 (over 128 KB), and client-side errors. A client-side error after the
     * request left may still have delivered it, so it is not retried: a duplicate event is worse than a lost one
     * for Socket.IO's at-most-once delivery.
     */
    FINAL;

    static CallFailure of(Throwable error) {
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof GoneException) {
            return GONE;
        }
        if (cause instanceof LimitExceededException) {
            return RETRYABLE;
        }
        if (cause instanceof SdkServiceException service) {
            int status = service.statusCode();
            if (status == 410) {
                return GONE;
            }
            if (status == 429 || status >= 500 || service.isThrottlingException()) {
                return RETRYABLE;
            }
        }
        return FINAL;
    }

}
