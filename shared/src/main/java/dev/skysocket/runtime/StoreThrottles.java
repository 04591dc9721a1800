package dev.skysocket.runtime;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts {@link Metric#STORE_THROTTLES}: every DynamoDB attempt the SDK classed as throttled
 * (ProvisionedThroughputExceededException, ThrottlingException, RequestLimitExceeded), retried or not. The SDK's
 * standard retries are the store's only retries, so its per-attempt error type is where a throttle shows; the
 * final exception alone would miss the throttles a retry got past.
 */
final class StoreThrottles implements MetricPublisher {
    /** The SDK's ERROR_TYPE value for throttling ({@code SdkErrorType.THROTTLING}, an internal type). */
    static final String THROTTLING = "Throttling";

    @Override
    public void publish(MetricCollection call) {
        long throttled = call.childrenWithName("ApiCallAttempt")
                .flatMap(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).stream())
                .filter(THROTTLING::equals)
                .count();
        Metrics.count(Metric.STORE_THROTTLES, throttled);
    }

    @Override
    public void close() {
        // nothing held
    }
}
