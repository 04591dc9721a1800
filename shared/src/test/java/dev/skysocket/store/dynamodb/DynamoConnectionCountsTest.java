package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Fixtures.CLOCK;
import static dev.skysocket.store.dynamodb.Fixtures.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.Fixtures.NOW;
import static dev.skysocket.store.dynamodb.Fixtures.connection;
import static dev.skysocket.store.dynamodb.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tenant connection counters on DynamoDB Local: sharded, summed per tenant, forgotten with their bucket. */
class DynamoConnectionCountsTest {
    private static final OperationRecorder recorder = new OperationRecorder();
    private static DynamoDbClient client;
    private static String table;
    private static DynamoConnectionCounts counts;
    private static DynamoConnectionStore store;

    @BeforeAll
    static void startTable() {
        client = DynamoDbLocalServer.client(recorder);
        // Created on a client of its own, closed at once, so the recorder sees only the stores' calls.
        try (DynamoDbClient admin = DynamoDbLocalServer.client()) {
            table = DynamoDbLocalServer.freshTable(admin, "counts");
        }
        counts = new DynamoConnectionCounts(client, table, 4, CLOCK);
        store = new DynamoConnectionStore(client, table, 1, connectedAt -> EXPIRES_AT, CLOCK, counts);
    }

    @AfterAll
    static void neverScannedAndClose() {
        assertThat(recorder.operations()).isNotEmpty().doesNotContain("Scan", "BatchGetItem");
        client.close();
    }

    @Test
    void connectionsOfATenantAreSummedOverEveryShardAndOtherTenantsAreApart() {
        String tenant = id("t");
        for (int i = 0; i < 20; i++) {
            counts.add(tenant, id("c"), EXPIRES_AT, 1);
        }
        counts.add(id("other"), id("c"), EXPIRES_AT, 1);

        assertThat(counts.count(tenant, Long.MAX_VALUE)).isEqualTo(20);
        assertThat(counts.count(id("nobody"), Long.MAX_VALUE)).isZero();
    }

    @Test
    void theSumMayStopOnceItReachesWhatTheCallerNeeds() {
        String tenant = id("t");
        for (int i = 0; i < 20; i++) {
            counts.add(tenant, id("c"), EXPIRES_AT, 1);
        }
        assertThat(counts.count(tenant, 3)).isBetween(3L, 20L);
    }

    @Test
    void aCountNobodyTookOffIsForgottenOnceItsConnectionMustHaveExpired() {
        String tenant = id("t");
        counts.add(tenant, id("c"), EXPIRES_AT, 1);  // a connection whose close never ran (a crash)
        Clock afterItsTtl = Clock.fixed(NOW.plusSeconds(EXPIRES_AT - NOW.getEpochSecond()
                + DynamoConnectionCounts.BUCKET_SECONDS), ZoneOffset.UTC);

        assertThat(counts.count(tenant, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(new DynamoConnectionCounts(client, table, 4, afterItsTtl).count(tenant, Long.MAX_VALUE)).isZero();
    }

    @Test
    void removingACountedConnectionTakesItOffOnceWhateverHowOftenItIsRemoved() {
        ConnectionRecord counted = connection(id("c")).counted();
        String tenant = counted.tenant();
        long before = counts.count(tenant, Long.MAX_VALUE);
        counts.add(tenant, counted.connectionId(), counted.expiresAt(), 1);
        store.create(counted);
        assertThat(store.find(counted.connectionId()).orElseThrow().quotaCounted()).isTrue();
        assertThat(counts.count(tenant, Long.MAX_VALUE)).isEqualTo(before + 1);

        store.remove(counted.connectionId());
        store.remove(counted.connectionId());

        assertThat(store.find(counted.connectionId())).isEmpty();
        assertThat(counts.count(tenant, Long.MAX_VALUE)).isEqualTo(before);
    }

    @Test
    void removingAConnectionThatWasNeverCountedTakesNothingOff() {
        String tenant = id("t");
        counts.add(tenant, id("c"), EXPIRES_AT, 1);
        ConnectionRecord uncounted = new ConnectionRecord(id("c"), Fixtures.ENDPOINT, "websocket", true, tenant, null,
                null, null, null, NOW.toEpochMilli(), 0, false, false, EXPIRES_AT, null)
                .refused("tenant connection quota");
        store.create(uncounted);

        store.remove(uncounted.connectionId());

        assertThat(counts.count(tenant, Long.MAX_VALUE)).isEqualTo(1);
    }
}
