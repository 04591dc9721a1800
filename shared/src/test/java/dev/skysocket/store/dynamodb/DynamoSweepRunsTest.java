package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The heartbeat's latest-run item on DynamoDB Local: latest start wins, expired items read as none. */
class DynamoSweepRunsTest {
    private static final DynamoDbClient client = DynamoDbLocalServer.client();
    private static final long T = Instant.now().toEpochMilli();

    @AfterAll
    static void close() {
        client.close();
    }

    private static DynamoSweepRuns runs(String table, long nowMillis) {
        return new DynamoSweepRuns(client, table, Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC));
    }

    @Test
    void noRunRecordedReadsAsNone() {
        String table = DynamoDbLocalServer.freshTable(client, "sweep-runs");

        assertThat(runs(table, T).latestStart()).isEmpty();
    }

    @Test
    void theLatestStartWinsEvenWhenAnOlderRunWritesLast() {
        String table = DynamoDbLocalServer.freshTable(client, "sweep-runs");
        DynamoSweepRuns runs = runs(table, T);

        runs.started("b", T + 60_000);
        runs.started("a", T);  // a delayed write of the older run

        assertThat(runs.latestStart()).isEqualTo(OptionalLong.of(T + 60_000));
        runs.started("c", T + 120_000);
        assertThat(runs.latestStart()).isEqualTo(OptionalLong.of(T + 120_000));
    }

    @Test
    void anExpiredItemReadsAsNoneAndTheItemCannotMeetConnectionItems() {
        String table = DynamoDbLocalServer.freshTable(client, "sweep-runs");
        runs(table, T).started("a", T);

        long afterTtl = T + (DynamoSweepRuns.TTL_SECONDS + 2) * 1000;
        assertThat(runs(table, afterTtl).latestStart()).isEmpty();
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                .key(DynamoSchema.sweepRunsKey())).item();
        assertThat(item.get(DynamoSchema.PK).s()).doesNotStartWith("C#").doesNotStartWith("R#");
        assertThat(item).doesNotContainKeys(DynamoSchema.PING_SHARD, DynamoSchema.USER_KEY);
    }
}
