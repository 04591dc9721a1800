package dev.skysocket.store.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in chunks of 25 (its limit). A throttled batch can succeed in part and hand back
 * UnprocessedItems without an error, so the SDK's retry policy never sees it: those are re-sent here, with
 * capped exponential backoff and full jitter, a bounded number of times.
 */
final class BatchWriter {
    static final int MAX_BATCH = 25;
    static final int DEFAULT_ATTEMPTS = 8;
    static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(25);
    static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(BatchWriter.class.getName());

    private final DynamoDbClient client;
    private final String tableName;
    private final int maxAttempts;
    private final long baseDelayMs;
    private final long maxDelayMs;

    BatchWriter(DynamoDbClient client, String tableName) {
        this(client, tableName, DEFAULT_ATTEMPTS, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY);
    }

    BatchWriter(DynamoDbClient client, String tableName, int maxAttempts, Duration baseDelay, Duration maxDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.client = client;
        this.tableName = tableName;
        this.maxAttempts = maxAttempts;
        this.baseDelayMs = baseDelay.toMillis();
        this.maxDelayMs = maxDelay.toMillis();
    }

    /** Deletes every key; duplicates are dropped first (BatchWriteItem refuses a batch that repeats a key). */
    void deleteAll(Collection<Map<String, AttributeValue>> keys) {
        List<WriteRequest> requests = new ArrayList<>();
        for (Map<String, AttributeValue> key : new LinkedHashSet<>(keys)) {
            requests.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
        }
        write(requests);
    }

    /** Puts every item; the caller must not pass two items with the same key. */
    void putAll(Collection<Map<String, AttributeValue>> items) {
        List<WriteRequest> requests = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        write(requests);
    }

    private void write(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += MAX_BATCH) {
            writeChunk(requests.subList(from, Math.min(from + MAX_BATCH, requests.size())));
        }
    }

    private void writeChunk(List<WriteRequest> chunk) {
        List<WriteRequest> pending = chunk;
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> toSend = pending;
            Map<String, List<WriteRequest>> unprocessed = client.batchWriteItem(r -> r
                    .requestItems(Map.of(tableName, toSend))).unprocessedItems();
            pending = unprocessed == null ? List.of() : unprocessed.getOrDefault(tableName, List.of());
            if (pending.isEmpty()) {
                return;
            }
            if (attempt >= maxAttempts) {
                LOG.log(System.Logger.Level.WARNING, "event=batch_write_gave_up table={0} unprocessed={1}"
                        + " attempts={2}", tableName, String.valueOf(pending.size()), String.valueOf(attempt));
                throw new UnprocessedWritesException(tableName, pending.size(), attempt);
            }
            pause(attempt);
        }
    }

    private void pause(int attempt) {
        long cap = Math.min(maxDelayMs, baseDelayMs << Math.min(attempt - 1, 20));
        long delay = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnprocessedWritesException(tableName, -1, attempt);
        }
    }
}
