package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.limits.Draw;
import dev.skysocket.limits.RateVerdict;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The inbound counters against DynamoDB Local: the per-connection window counts of the API Gateway path and the
 * sharded per-second tenant counts. Times are picked by the test (the counters take "now" as an argument), each
 * test on its own connection or tenant, so nothing depends on the wall clock.
 */
class DynamoInboundCountersTest {
    /** The start of a 10-second window, at second 0 of it. */
    private static final long WINDOW_START_MS = 1_700_000_000_000L;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void startTable() {
        client = DynamoDbLocalServer.client();
        table = DynamoDbLocalServer.freshTable(client, "limits");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theEventThatPassesTheSecondsBoundClosesOnceAndTheRestAreDropped() {
        // burst 5 + 2/s: at most 7 in one second.
        DynamoConnectionRate rate = new DynamoConnectionRate(client, table, 5, 2);
        List<RateVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            verdicts.add(rate.count("burst", WINDOW_START_MS + i));
        }
        assertThat(verdicts.subList(0, 7)).containsOnly(RateVerdict.ADMIT);
        assertThat(verdicts.get(7)).isEqualTo(RateVerdict.CLOSE);
        assertThat(verdicts.subList(8, 10)).containsOnly(RateVerdict.DROP);
    }

    @Test
    void aSenderWithinTheBucketIsNeverClosedAndOneJustAboveItsRateIsWithinTheWindow() {
        DynamoConnectionRate rate = new DynamoConnectionRate(client, table, 5, 2);
        // 2/s for ten seconds, with the full burst in the first: what the bucket lets through, 5 + 2 × 10.
        List<RateVerdict> within = new ArrayList<>();
        for (int second = 0; second < 10; second++) {
            int events = second == 0 ? 7 : 2;
            for (int i = 0; i < events; i++) {
                within.add(rate.count("steady", WINDOW_START_MS + second * 1000L + i));
            }
        }
        assertThat(within).hasSize(25).containsOnly(RateVerdict.ADMIT);
        // 3/s never passes a second's bound (7) but passes the window's (25) in its ninth second.
        List<RateVerdict> above = new ArrayList<>();
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 3; i++) {
                above.add(rate.count("sustained", WINDOW_START_MS + second * 1000L + i));
            }
        }
        assertThat(above.subList(0, 25)).containsOnly(RateVerdict.ADMIT);
        assertThat(above.get(25)).isEqualTo(RateVerdict.CLOSE);
        assertThat(above.subList(26, 30)).containsOnly(RateVerdict.DROP);
    }

    @Test
    void aNewWindowStartsFromZeroAndConnectionsCountApart() {
        DynamoConnectionRate rate = new DynamoConnectionRate(client, table, 1, 1);
        assertThat(rate.count("a", WINDOW_START_MS)).isEqualTo(RateVerdict.ADMIT);
        assertThat(rate.count("a", WINDOW_START_MS + 1)).isEqualTo(RateVerdict.ADMIT);
        assertThat(rate.count("a", WINDOW_START_MS + 2)).isEqualTo(RateVerdict.CLOSE);
        assertThat(rate.count("b", WINDOW_START_MS + 3)).as("another connection").isEqualTo(RateVerdict.ADMIT);
        assertThat(rate.count("a", WINDOW_START_MS + 10_000)).as("the next window").isEqualTo(RateVerdict.ADMIT);
    }

    @Test
    void concurrentEventsOfOneConnectionCloseItExactlyOnce() throws Exception {
        DynamoConnectionRate rate = new DynamoConnectionRate(client, table, 20, 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RateVerdict>> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                events.add(() -> rate.count("concurrent", WINDOW_START_MS));
            }
            List<RateVerdict> verdicts = new ArrayList<>();
            for (Future<RateVerdict> verdict : pool.invokeAll(events)) {
                verdicts.add(verdict.get());
            }
            assertThat(verdicts.stream().filter(RateVerdict.ADMIT::equals)).hasSize(30);
            assertThat(verdicts.stream().filter(RateVerdict.CLOSE::equals)).hasSize(1);
            assertThat(verdicts.stream().filter(RateVerdict.DROP::equals)).hasSize(69);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneEventIsOneUpdateItemAndNothingElse() {
        OperationRecorder recorder = new OperationRecorder();
        try (DynamoDbClient recorded = DynamoDbLocalServer.client(recorder)) {
            new DynamoConnectionRate(recorded, table, 5, 5).count("cost", WINDOW_START_MS);
            new DynamoTenantQuota(recorded, table, 5).admit("cost", WINDOW_START_MS);
        }
        assertThat(recorder.operations()).containsExactly("UpdateItem", "UpdateItem");
    }

    @Test
    void aTenantIsRefusedPastItsQuotaWithinTheSecondAndAdmittedAgainInTheNext() {
        DynamoTenantQuota quota = new DynamoTenantQuota(client, table, 3);
        assertThat(quota.shards()).isEqualTo(1);
        List<Boolean> admitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admitted.add(quota.admit("busy", WINDOW_START_MS + i));
        }
        assertThat(admitted).containsExactly(true, true, true, false, false);
        assertThat(quota.admit("quiet", WINDOW_START_MS)).as("another tenant").isTrue();
        assertThat(quota.admit("busy", WINDOW_START_MS + 1000)).as("the next second").isTrue();
    }

    @Test
    void aRefusedTenantCostsNoFurtherWriteInThatSecond() {
        OperationRecorder recorder = new OperationRecorder();
        try (DynamoDbClient recorded = DynamoDbLocalServer.client(recorder)) {
            DynamoTenantQuota quota = new DynamoTenantQuota(recorded, table, 1);
            quota.admit("flood", WINDOW_START_MS);
            for (int i = 0; i < 50; i++) {
                assertThat(quota.admit("flood", WINDOW_START_MS + 10 + i)).isFalse();
            }
        }
        assertThat(recorder.operations()).hasSize(2);
    }

    @Test
    void aLargeQuotaSpreadsOverShardsOfAtMostFiveHundredWritesASecond() {
        // Below 1,000 a second every event is written: 999 needs two shards.
        DynamoTenantQuota quota = new DynamoTenantQuota(client, table, 999);
        assertThat(quota.weight()).isEqualTo(1);
        assertThat(quota.shards()).isEqualTo(2);
        int admitted = 0;
        for (int i = 0; i < 1_200 && quota.admit("sharded", WINDOW_START_MS); i++) {
            admitted++;
        }
        // Each shard admits ceil(999 / 2) = 500, so the first refusal comes when one shard passes 500: with the picks
        // at random, near the quota, and at most 1,000 (when they split evenly; a quota rounds up, never down).
        assertThat(admitted).isBetween(800, 1_000);
        // Sampled one in 20, 20,000 a second is 1,000 writes a second at the quota: two shards.
        DynamoTenantQuota sampled = new DynamoTenantQuota(client, table, 20_000);
        assertThat(sampled.weight()).isEqualTo(20);
        assertThat(sampled.shards()).isEqualTo(2);
    }

    @Test
    void atTheDefaultLimitsASenderAtTheBoundIsAdmittedAndAFloodClosedOnceForAWriteInTwenty() {
        OperationRecorder recorder = new OperationRecorder();
        try (DynamoDbClient recorded = DynamoDbLocalServer.client(recorder)) {
            DynamoConnectionRate rate = new DynamoConnectionRate(recorded, table, 500, 100, Draw.seeded(1));
            assertThat(rate.weight()).isEqualTo(20);
            assertThat(rate.perSecondThreshold()).isEqualTo(1_340);
            assertThat(rate.perWindowThreshold()).isEqualTo(2_620);
            // 600 in one second, all the bucket lets through.
            List<RateVerdict> atBound = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                atBound.add(rate.count("at-bound", WINDOW_START_MS + i));
            }
            assertThat(atBound).containsOnly(RateVerdict.ADMIT);
            assertThat(recorder.operations().size()).as("writes for 600 events in one process").isBetween(29, 31);
            // 3,000 in one second: the sampled count passes 1,340 once, after about as many events.
            List<RateVerdict> flood = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                flood.add(rate.count("flood", WINDOW_START_MS + i / 3));
            }
            int close = flood.indexOf(RateVerdict.CLOSE);
            assertThat(close).isBetween(1_000, 1_800);
            assertThat(flood.subList(0, close)).containsOnly(RateVerdict.ADMIT);
            assertThat(flood.stream().filter(RateVerdict.CLOSE::equals)).hasSize(1);
            assertThat(flood.subList(close + 1, flood.size())).contains(RateVerdict.DROP);
        }
    }

    @Test
    void atTheDefaultLimitsEventsSpreadOverProcessesAreCountedAsWell() {
        // Each event in a process of its own, the widest spread (and the noisiest count): Lambda under a flood.
        Draw draw = Draw.seeded(5);
        for (int i = 0; i < 600; i++) {
            assertThat(new DynamoConnectionRate(client, table, 500, 100, draw).count("spread", WINDOW_START_MS + i))
                    .isEqualTo(RateVerdict.ADMIT);
        }
        List<RateVerdict> flood = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            flood.add(new DynamoConnectionRate(client, table, 500, 100, draw).count("spread-flood",
                    WINDOW_START_MS + i / 3));
        }
        // The threshold is 1,340; one standard deviation of the count there is about 160 events.
        assertThat(flood.indexOf(RateVerdict.CLOSE)).isBetween(800, 2_000);
        assertThat(flood.stream().filter(RateVerdict.CLOSE::equals)).hasSize(1);
    }

    @Test
    void atTheDefaultQuotaATenantUnderItIsAdmittedForAWriteInTwentyAndOneOverIsRefusedNearIt() {
        OperationRecorder recorder = new OperationRecorder();
        try (DynamoDbClient recorded = DynamoDbLocalServer.client(recorder)) {
            DynamoTenantQuota quota = new DynamoTenantQuota(recorded, table, 10_000, Draw.seeded(2));
            assertThat(quota.weight()).isEqualTo(20);
            assertThat(quota.shards()).isEqualTo(1);
            for (int i = 0; i < 5_000; i++) {
                assertThat(quota.admit("calm", WINDOW_START_MS + i / 5)).isTrue();
            }
            assertThat(recorder.operations().size()).as("writes for 5,000 events in one process").isBetween(249, 251);
            int admitted = 0;
            for (int i = 0; i < 12_000; i++) {
                if (quota.admit("busy", WINDOW_START_MS + i / 12)) {
                    admitted++;
                }
            }
            // One standard deviation of the sampled count at the quota is 447 events.
            assertThat(admitted).isBetween(8_700, 11_300);
        }
    }
}
