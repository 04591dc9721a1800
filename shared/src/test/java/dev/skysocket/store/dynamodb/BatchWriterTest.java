package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * UnprocessedItems come back only under throttling, which DynamoDB Local never does: the fault is injected on the
 * client, which sends only the first write of a batch and reports the others unprocessed, as AWS would.
 */
class BatchWriterTest {
    private static final Duration FAST = Duration.ofMillis(1);
    private static DynamoDbClient raw;
    private static String table;

    @BeforeAll
    static void startTable() {
        raw = DynamoDbLocalServer.client();
        table = DynamoDbLocalServer.freshTable(raw, "batches");
    }

    @AfterAll
    static void close() {
        raw.close();
    }

    @Test
    void unprocessed_writes_are_sent_again_until_every_item_is_written() {
        Throttle throttle = new Throttle(4);
        OperationRecorder recorder = new OperationRecorder();
        List<Map<String, AttributeValue>> items = items("retried", 60);
        try (DynamoDbClient client = DynamoDbLocalServer.client(recorder, throttle)) {
            new BatchWriter(client, table, 8, FAST, FAST).putAll(items);
        }

        assertThat(items).allSatisfy(item -> assertThat(stored(item)).isEqualTo(item));
        assertThat(throttle.throttled.get()).isEqualTo(4);
        assertThat(recorder.operations()).containsOnly("BatchWriteItem").hasSizeGreaterThan(60 / 25 + 4);
    }

    @Test
    void writes_still_unprocessed_after_the_last_attempt_are_reported() {
        OperationRecorder recorder = new OperationRecorder();
        try (DynamoDbClient client = DynamoDbLocalServer.client(recorder, new Throttle(Integer.MAX_VALUE))) {
            BatchWriter writer = new BatchWriter(client, table, 3, FAST, FAST);

            assertThatThrownBy(() -> writer.putAll(items("given-up", 10)))
                    .isInstanceOf(UnprocessedWritesException.class)
                    .extracting(e -> ((UnprocessedWritesException) e).unprocessed())
                    .isEqualTo(10 - 3);
        }
        assertThat(recorder.operations()).containsExactly("BatchWriteItem", "BatchWriteItem", "BatchWriteItem");
    }

    @Test
    void repeated_keys_are_deleted_once_instead_of_failing_the_batch() {
        List<Map<String, AttributeValue>> items = items("dupes", 3);
        new BatchWriter(raw, table).putAll(items);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> key = DynamoSchema.key(item.get(DynamoSchema.PK).s(), "x");
            keys.add(key);
            keys.add(new HashMap<>(key));
        }

        new BatchWriter(raw, table).deleteAll(keys);

        assertThat(items).allSatisfy(item -> assertThat(stored(item)).isEmpty());
    }

    private static List<Map<String, AttributeValue>> items(String prefix, int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = new HashMap<>(DynamoSchema.key(prefix + "#" + i, "x"));
            item.put(DynamoSchema.EXPIRES_AT, AttributeValue.fromN(Long.toString(Fixtures.EXPIRES_AT)));
            items.add(item);
        }
        return items;
    }

    private static Map<String, AttributeValue> stored(Map<String, AttributeValue> item) {
        return raw.getItem(r -> r.tableName(table).consistentRead(true)
                .key(DynamoSchema.key(item.get(DynamoSchema.PK).s(), "x"))).item();
    }

    /** Lets only the first write of a batch through, for the first {@code times} batches. */
    private static final class Throttle implements ExecutionInterceptor {
        private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD =
                new ExecutionAttribute<>("skysocket.throttle.held");
        private final int times;
        final AtomicInteger throttled = new AtomicInteger();

        Throttle(int times) {
            this.times = times;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request) || throttled.get() >= times) {
                return context.request();
            }
            Map<String, List<WriteRequest>> sent = new HashMap<>();
            Map<String, List<WriteRequest>> held = new HashMap<>();
            request.requestItems().forEach((name, writes) -> {
                sent.put(name, writes.subList(0, 1));
                if (writes.size() > 1) {
                    held.put(name, writes.subList(1, writes.size()));
                }
            });
            throttled.incrementAndGet();
            attributes.putAttribute(HELD, held);
            return request.toBuilder().requestItems(sent).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            Map<String, List<WriteRequest>> held = attributes.getAttribute(HELD);
            if (held == null || !(context.response() instanceof BatchWriteItemResponse response)) {
                return context.response();
            }
            return response.toBuilder().unprocessedItems(held).build();
        }
    }
}
