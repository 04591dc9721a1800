package dev.skysocket.local.apigw;

import java.time.Duration;

/**
 * The ordered mode's queue and event source mapping, as template.yaml deploys them ({@code MessageDelivery=ordered}).
 *
 * @param batchSize         most frames per invocation (1 to 10, SQS's and Lambda's limit for a FIFO queue)
 * @param visibilityTimeout how long a failed frame (and the rest of its connection's frames) stays invisible before
 *                          it is delivered again
 * @param maxReceiveCount   deliveries of one frame before it moves to the dead-letter queue
 */
public record OrderedDeliverySettings(int batchSize, Duration visibilityTimeout, int maxReceiveCount) {
    /** The template's values: batches of 10, 60 s visibility, 3 deliveries. */
    public static final OrderedDeliverySettings TEMPLATE = new OrderedDeliverySettings(10, Duration.ofSeconds(60), 3);

    public OrderedDeliverySettings {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batchSize must be 1..10 for a FIFO queue: " + batchSize);
        }
        if (visibilityTimeout == null || visibilityTimeout.isNegative()) {
            throw new IllegalArgumentException("visibilityTimeout must be zero or positive: " + visibilityTimeout);
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be at least 1: " + maxReceiveCount);
        }
    }
}
