package dev.skysocket.gateway.bench;

import dev.skysocket.store.dynamodb.DynamoSchema;
import dev.skysocket.store.dynamodb.TableBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Warms a fresh DynamoDB Local before the server under test starts, with the kinds of calls the product makes, on
 * a table of its own: AWS's DynamoDB is a service that is always warm, so a cold gateway measured beside a store
 * that is cold too would count the store's JIT against the gateway. Bounded by time; 8 threads.
 */
final class StoreWarmup {
    private static final int THREADS = 8;

    private StoreWarmup() {
    }

    /** Runs mixed calls for {@code seconds} on table {@code warmup}; returns how many calls it made. */
    static long run(DynamoDbClient client, int seconds) throws Exception {
        TableBootstrap.ensureTable(client, "warmup");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                counts.add(threads.submit(() -> calls(client, until)));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get(seconds + 60L, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long calls(DynamoDbClient client, long until) {
        long calls = 0;
        while (System.nanoTime() < until) {
            String pk = "R#warm#" + ThreadLocalRandom.current().nextInt(64);
            String sk = Long.toHexString(ThreadLocalRandom.current().nextLong());
            client.putItem(r -> r.tableName("warmup").item(item(pk, sk)));
            client.updateItem(r -> r.tableName("warmup").key(DynamoSchema.key(pk, sk))
                    .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            client.getItem(r -> r.tableName("warmup").key(DynamoSchema.key(pk, sk)).consistentRead(true));
            client.query(r -> r.tableName("warmup").keyConditionExpression("pk = :pk AND sk > :sk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":sk", AttributeValue.fromS(sk)))
                    .limit(100));
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(item(pk, sk + i)).build()).build());
            }
            client.batchWriteItem(r -> r.requestItems(Map.of("warmup", batch)));
            client.deleteItem(r -> r.tableName("warmup").key(DynamoSchema.key(pk, sk)));
            calls += 6;
        }
        return calls;
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of(DynamoSchema.PK, AttributeValue.fromS(pk), DynamoSchema.SK, AttributeValue.fromS(sk),
                "payload", AttributeValue.fromS("x".repeat(200)));
    }
}
