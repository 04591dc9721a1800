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

/** Revocation items on DynamoDB Local: per tenant and user, the longer refusal wins, and they end by themselves. */
class DynamoRevocationStoreTest {
    private static final DynamoDbClient client = DynamoDbLocalServer.client();
    private static final long T = Instant.now().toEpochMilli();

    @AfterAll
    static void close() {
        client.close();
    }

    private static DynamoRevocationStore store(String table, long nowMillis) {
        return new DynamoRevocationStore(client, table, Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC));
    }

    @Test
    void aRevokedUserIsRefusedUntilTheStatedTimeInItsTenantOnly() {
        String table = DynamoDbLocalServer.freshTable(client, "revocations");
        store(table, T).revoke("acme", "alice", T + 60_000);

        assertThat(store(table, T).revokedUntil("acme", "alice")).isEqualTo(OptionalLong.of(T + 60_000));
        assertThat(store(table, T).revokedUntil("acme", "bob")).isEmpty();
        assertThat(store(table, T).revokedUntil("other", "alice")).isEmpty();
        assertThat(store(table, T + 60_000).revokedUntil("acme", "alice")).as("ended").isEmpty();
    }

    @Test
    void aShorterRevocationNeverShortensALongerOneButALongerExtendsIt() {
        String table = DynamoDbLocalServer.freshTable(client, "revocations");
        DynamoRevocationStore store = store(table, T);

        store.revoke("acme", "alice", T + 3_600_000);
        store.revoke("acme", "alice", T + 1_000);
        assertThat(store.revokedUntil("acme", "alice")).isEqualTo(OptionalLong.of(T + 3_600_000));

        store.revoke("acme", "alice", T + 7_200_000);
        assertThat(store.revokedUntil("acme", "alice")).isEqualTo(OptionalLong.of(T + 7_200_000));
    }

    @Test
    void keyPartsAreEscapedSoOneTenantCannotRevokeAnothersUser() {
        String table = DynamoDbLocalServer.freshTable(client, "revocations");
        store(table, T).revoke("a#b", "c", T + 60_000);

        assertThat(store(table, T).revokedUntil("a", "b#c")).isEmpty();
        assertThat(store(table, T).revokedUntil("a#b", "c")).isPresent();
    }

    @Test
    void theItemCarriesItsTtlAndStaysOutOfTheIndexesAndOtherPartitions() {
        String table = DynamoDbLocalServer.freshTable(client, "revocations");
        store(table, T).revoke("acme", "alice", T + 60_500);

        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table)
                .key(DynamoSchema.revocationKey("acme", "alice"))).item();
        assertThat(Long.parseLong(item.get(DynamoSchema.EXPIRES_AT).n())).isEqualTo((T + 60_500 + 999) / 1000);
        assertThat(item.get(DynamoSchema.PK).s()).startsWith("V#")
                .doesNotStartWith("C#").doesNotStartWith("R#").doesNotStartWith("K#");
        assertThat(item).doesNotContainKeys(DynamoSchema.PING_SHARD, DynamoSchema.USER_KEY);
    }
}
