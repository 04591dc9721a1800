package dev.skysocket.local.apigw;

/**
 * The consumer of the ordered mode's FIFO queue, called like Lambda through an SQS event source mapping: an SQS
 * event JSON in (one record per client frame), the partial batch response JSON out.
 */
public interface QueueIntegration {

    /**
     * Handles one batch.
     *
     * @param sqsEventJson {@code {"Records":[...]}} as Lambda delivers it from a FIFO queue
     * @return {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}}; null or no failures means every
     *         record succeeded
     */
    String consume(String sqsEventJson) throws Exception;
}
