package dev.skysocket.apigw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills a table with BatchWriteItem (25 items per call, DynamoDB's limit) from a few threads, resending unprocessed
 * items. Bounded: at most {@code threads} calls in flight, items built as they are sent.
 */
final class BulkLoader {
    private static final int BATCH = 25;

    private BulkLoader() {
    }

    /** Writes items {@code 0 .. count-1}; {@code itemsOf} may return several items per index. */
    static void load(DynamoDbClient client, String table, long count, int threads,
                     LongFunction<List<Map<String, AttributeValue>>> itemsOf) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long slice = (count + threads - 1) / threads;
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long from = t * slice;
                long to = Math.min(count, from + slice);
                parts.add(pool.submit(() -> loadRange(client, table, from, to, itemsOf)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("bulk load of " + table + " failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void loadRange(DynamoDbClient client, String table, long from, long to,
                                  LongFunction<List<Map<String, AttributeValue>>> itemsOf) {
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (long i = from; i < to; i++) {
            for (Map<String, AttributeValue> item : itemsOf.apply(i)) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == BATCH) {
                    write(client, table, batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            write(client, table, batch);
        }
    }

    private static void write(DynamoDbClient client, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty(); attempt++) {
            if (attempt > 20) {
                throw new IllegalStateException("items stayed unprocessed after 20 attempts");
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(request));
            pending = response.unprocessedItems();
        }
    }
}
