package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.limits.Draw;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tenant quota with its sampled writes off the event's path (the gateway), against DynamoDB Local: the event a
 * count samples is admitted before its write, the write's answer refuses the events after it, and where the count
 * must be exact (weight 1) or the executor is full the event still writes its own count first. The executor here
 * holds its tasks until the test runs them, so "before" and "after" the write are steps, not timings.
 */
class TenantQuotaOffPathTest {
    private static final long SECOND_START_MS = 1_700_000_000_000L;
    /** The default quota: one event in 20 written, one shard of 10,000. */
    private static final int QUOTA = 10_000;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void startTable() {
        client = DynamoDbLocalServer.client();
        table = DynamoDbLocalServer.freshTable(client, "quota-off-path");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theSampledEventIsAdmittedBeforeItsWriteAndTheWriteCountsIt() {
        Held held = new Held();
        OperationRecorder recorder = new OperationRecorder();
        try (DynamoDbClient recorded = DynamoDbLocalServer.client(recorder)) {
            DynamoTenantQuota quota = new DynamoTenantQuota(recorded, table, QUOTA, Draw.seeded(3), held);
            assertThat(quota.weight()).isEqualTo(20);
            for (int i = 0; i < 40; i++) {
                assertThat(quota.admit("calm", SECOND_START_MS + i)).isTrue();
            }
            assertThat(held.tasks).as("two sampled counts, waiting").hasSize(2);
            assertThat(recorder.operations()).as("no event waited for a write").isEmpty();
            held.runAll();
            assertThat(recorder.operations()).containsExactly("UpdateItem", "UpdateItem");
        }
        assertThat(count("calm", 0)).isEqualTo(40);
    }

    @Test
    void aCountThatComesBackOverTheQuotaRefusesTheEventsAfterItForTheRestOfTheSecond() {
        seed("over", QUOTA);
        Held held = new Held();
        DynamoTenantQuota quota = new DynamoTenantQuota(client, table, QUOTA, Draw.seeded(4), held);
        int events = 0;
        while (held.tasks.isEmpty()) {
            assertThat(quota.admit("over", SECOND_START_MS + events++)).isTrue();
        }
        assertThat(quota.admit("over", SECOND_START_MS + events)).as("while its count is on its way").isTrue();
        held.runAll();
        assertThat(quota.admit("over", SECOND_START_MS + events + 1)).as("once the count is over").isFalse();
        assertThat(quota.admit("over", SECOND_START_MS + 1_000)).as("the next second").isTrue();
    }

    @Test
    void aFullExecutorMakesTheSampledEventWriteItsOwnCountFirst() {
        seed("backlog", QUOTA);
        Executor full = task -> {
            throw new RejectedExecutionException("full");
        };
        DynamoTenantQuota quota = new DynamoTenantQuota(client, table, QUOTA, Draw.seeded(5), full);
        List<Boolean> admitted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            admitted.add(quota.admit("backlog", SECOND_START_MS + i));
        }
        // The sampled one wrote in line, found the tenant over, and refused itself and every event after it.
        int first = admitted.indexOf(false);
        assertThat(first).isBetween(0, 19);
        assertThat(admitted.subList(first, admitted.size())).containsOnly(false);
    }

    @Test
    void atWeightOneEveryEventWaitsForItsOwnExactCount() {
        Held held = new Held();
        DynamoTenantQuota quota = new DynamoTenantQuota(client, table, 3, Draw.seeded(6), held);
        List<Boolean> admitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admitted.add(quota.admit("small", SECOND_START_MS + i));
        }
        assertThat(admitted).containsExactly(true, true, true, false, false);
        assertThat(held.tasks).as("nothing left to the executor").isEmpty();
    }

    private static void seed(String tenant, long count) {
        client.updateItem(r -> r.tableName(table)
                .key(DynamoSchema.quotaKey(tenant, SECOND_START_MS / 1000, 0))
                .updateExpression("SET #n = :n")
                .expressionAttributeNames(Map.of("#n", DynamoSchema.COUNT))
                .expressionAttributeValues(Map.of(":n", Attributes.n(count))));
    }

    private static long count(String tenant, int shard) {
        var item = client.getItem(r -> r.tableName(table).consistentRead(true)
                .key(DynamoSchema.quotaKey(tenant, SECOND_START_MS / 1000, shard))).item();
        return item.containsKey(DynamoSchema.COUNT) ? Long.parseLong(item.get(DynamoSchema.COUNT).n()) : 0;
    }

    /** An executor that keeps its tasks until {@link #runAll}. */
    private static final class Held implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            tasks.forEach(Runnable::run);
            tasks.clear();
        }
    }
}
